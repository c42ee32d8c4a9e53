import { LOCALE, type Lang } from './languages';

/**
 * The shop's currency (the catalog and KB are in US dollars, `payment-methods.md`: "All prices are
 * in US dollars") printed the way each locale prints it: $14.99 · 14,99 $ · 14,99 US$ · 14,99 $US.
 */
export const SHOP_CURRENCY = 'USD';

const moneyFormats = new Map<Lang, Intl.NumberFormat>();
export function formatMoney(cents: number, lang: Lang): string {
  let f = moneyFormats.get(lang);
  if (!f) moneyFormats.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: SHOP_CURRENCY })));
  // Plain spaces: the narrow no-break space French uses breaks naive copy/paste and search.
  return f.format(cents / 100).replace(/[\u00a0\u202f]/g, ' ');
}

/** A calendar date (YYYY-MM-DD or Date) in the locale's long form, e.g. "5. Dezember 2026". */
export function formatDate(d: string | Date, lang: Lang): string {
  const iso = typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, day)));
}
