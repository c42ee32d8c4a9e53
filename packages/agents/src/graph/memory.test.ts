import { describe, expect, it } from 'vitest';
import { parseMemory } from './memory';
import { emptyMemory } from './types';

describe('stored memory parsing', () => {
  it('keeps a well-formed memory', () => {
    const m = {
      ...emptyMemory(),
      lastOrderNumber: 'EM-10001',
      lastProductSkus: ['EM-PHN-001'],
      failures: 1,
      lastAgent: 'logistics' as const,
      // A search's types and budget, for its follow-ups ("the cheapest one?", "any with 16 GB?").
      lastKinds: ['headphones', 'earbuds', 'headset'],
      lastMaxPriceCents: 100000,
    };
    expect(parseMemory(m)).toEqual(m);
  });
  it('fills defaults for an older, partial memory', () => {
    expect(parseMemory({ lastOrderNumber: 'EM-10002' })).toEqual({ ...emptyMemory(), lastOrderNumber: 'EM-10002' });
  });
  it('drops a malformed one instead of trusting it', () => {
    expect(parseMemory({ provenCustomerId: "x' OR 1=1", failures: -3 })).toEqual(emptyMemory());
    expect(parseMemory('garbage')).toEqual(emptyMemory());
    expect(parseMemory({ lastMaxPriceCents: -5 })).toEqual(emptyMemory());
  });
});
