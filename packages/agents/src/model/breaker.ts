/**
 * Circuit breaker for the network model. A provider that is down would otherwise cost every turn
 * one timeout per call (route + analyze + respond ≈ 3 × LLM_TIMEOUT_MS), more than the job deadline;
 * after `threshold` consecutive failures we answer offline for `cooldownMs`, then let one call probe.
 */
export interface Breaker {
  /** False while open: skip the network and answer offline. */
  allow(): boolean;
  success(): void;
  failure(): void;
}

export function createBreaker(opts: { threshold?: number; cooldownMs?: number; now?: () => number } = {}): Breaker {
  const threshold = opts.threshold ?? 2;
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const now = opts.now ?? Date.now;
  let failures = 0;
  let openUntil = 0;
  return {
    allow() {
      // Half-open after the cooldown: the next call probes; one more failure re-opens at once.
      return now() >= openUntil;
    },
    success() {
      failures = 0;
      openUntil = 0;
    },
    failure() {
      failures++;
      if (failures >= threshold) openUntil = now() + cooldownMs;
    },
  };
}
