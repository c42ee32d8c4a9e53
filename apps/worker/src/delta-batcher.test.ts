import { describe, expect, it, vi } from 'vitest';
import { createDeltaBatcher } from './delta-batcher';

describe('createDeltaBatcher', () => {
  it('coalesces a burst of words into one delta and keeps the text intact', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const b = createDeltaBatcher((d) => sent.push(d), 50);
    for (const w of ['Returns ', 'within ', '30 ', 'days.']) b.push(w);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual(['Returns within 30 days.']);
    b.push('More');
    b.flush();
    expect(sent).toEqual(['Returns within 30 days.', 'More']);
    b.push('dropped');
    b.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
    vi.useRealTimers();
  });
});
