import { describe, expect, it } from 'vitest';
import { queuePriority } from './priority';

describe('queuePriority', () => {
  it('ranks a policy case over an upset customer over a plain request', () => {
    const policy = queuePriority({ reason: 'policy' });
    const upset = queuePriority({ reason: 'negative_sentiment', sentiment: 'very_negative' });
    const asked = queuePriority({ reason: 'customer_request', sentiment: 'neutral' });
    expect(upset).toBeGreaterThan(policy);
    expect(policy).toBeGreaterThan(asked);
  });

  it('raises urgency and negative sentiment, never lowers for positive', () => {
    const base = queuePriority({ reason: 'customer_request' });
    expect(queuePriority({ reason: 'customer_request', urgent: true })).toBe(base + 15);
    expect(queuePriority({ reason: 'customer_request', sentiment: 'negative' })).toBe(base + 10);
    expect(queuePriority({ reason: 'customer_request', sentiment: 'positive' })).toBe(base);
    expect(queuePriority({ reason: 'something_new' })).toBe(10);
  });
});
