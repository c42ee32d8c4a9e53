// The queue's empty state says what a search hides (issue 19: "Nobody is waiting right now." next to
// a badge showing 18 waiting).
import { describe, expect, it } from 'vitest';
import { emptyText } from '../../apps/web/src/lib/console/queue-text';

describe('empty list text', () => {
  it('names the search term and the number it hides', () => {
    expect(emptyText('waiting', 'x', 18)).toBe('No waiting conversation matches "x" — 18 waiting in all.');
    expect(emptyText('waiting', '  bob ', 1)).toBe('No waiting conversation matches "bob" — 1 waiting in all.');
  });
  it('says nobody is waiting only when nobody is', () => {
    expect(emptyText('waiting', '', 0)).toBe('Nobody is waiting right now.');
    expect(emptyText('waiting', 'x', 0)).toBe('Nobody is waiting right now, so nothing matches "x".');
  });
  it('other tabs name the term too', () => {
    expect(emptyText('resolved', 'alice', 5)).toBe('No conversation here matches "alice".');
    expect(emptyText('mine', '', 5)).toBe('No conversations here.');
  });
});
