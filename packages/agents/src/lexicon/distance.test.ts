import { describe, expect, it } from 'vitest';
import { boundedOsa } from './distance';

describe('boundedOsa', () => {
  it.each([
    ['return', 'return', 2, 0],
    ['retrun', 'return', 2, 1], // adjacent transposition counts once
    ['polcy', 'policy', 2, 1],
    ['hedphones', 'headphones', 2, 1],
    ['ca', 'abc', 3, 3], // OSA, not unrestricted Damerau: no edit of a transposed pair
    ['kitten', 'sitting', 3, 3],
  ])('%s → %s (max %i) = %i', (a, b, max, d) => {
    expect(boundedOsa(a, b, max)).toBe(d);
  });

  it('stops at max + 1', () => {
    expect(boundedOsa('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(boundedOsa('a', 'abcd', 1)).toBe(2);
  });

  it('handles words longer than its initial buffers', () => {
    const long = 'x'.repeat(100);
    expect(boundedOsa(long, `${long}y`, 1)).toBe(1);
  });
});
