/**
 * Coalesces streamed reply text into at most one `message:delta` per `intervalMs` (default 50 ms).
 * Each delta is a Redis PUBLISH through the emitter and a fan-out on every gateway: the offline
 * model streams word by word, which made deltas the largest share of worker CPU in the profile
 * (docs/benchmarks.md). 50 ms is below what a reader notices; the widget reveals text smoothly.
 */
export function createDeltaBatcher(emit: (delta: string) => void, intervalMs = 50) {
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const text = pending;
    pending = '';
    emit(text);
  };
  return {
    push(delta: string) {
      pending += delta;
      timer ??= setTimeout(flush, intervalMs);
    },
    /** Sends what is buffered now: call before the final message:new so deltas never trail it. */
    flush,
    /** Drops what is buffered (the turn was aborted). */
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = '';
    },
  };
}
