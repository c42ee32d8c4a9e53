import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

describe('formatMoney (the shop currency, USD, per locale)', () => {
  it.each([
    ['en', 1499, '$14.99'],
    ['de', 1499, '14,99 $'],
    ['es', 1499, '14,99 US$'],
    ['fr', 1499, '14,99 $US'],
    ['de', 109900, '1.099,00 $'],
  ] as const)('%s %d → %s', (lang, cents, out) => expect(formatMoney(cents, lang)).toBe(out));
});

describe('formatDate', () => {
  it('long form in the locale, whatever the server time zone', () => {
    expect(formatDate('2026-12-05', 'de')).toBe('5. Dezember 2026');
    expect(formatDate('2026-12-05', 'fr')).toBe('5 décembre 2026');
  });
});
