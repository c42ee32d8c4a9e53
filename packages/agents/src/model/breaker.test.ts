import { describe, expect, it } from 'vitest';
import { createBreaker } from './breaker';

describe('network model circuit breaker', () => {
  it('opens after consecutive failures, probes after the cooldown, closes on success', () => {
    let t = 0;
    const b = createBreaker({ threshold: 2, cooldownMs: 1000, now: () => t });
    b.failure();
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.allow()).toBe(false);
    t = 1000;
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.allow()).toBe(false);
    t = 2000;
    b.success();
    b.failure();
    expect(b.allow()).toBe(true);
  });
});
