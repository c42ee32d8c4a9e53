// Wording-tolerant matching of facts in a reply: the same fact printed the ways a shop prints it
// ("$1,099.00" / "$1,099", "3–5" / "3-5" / "3 to 5", "30-day" / "30 days", dates in several forms).

/** Lower case, one kind of dash and apostrophe, single spaces, no space between a number and its unit. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(\d) (gb|tb|mb|hz|w|wh|mah|mp|kg|g|mm|m|k)\b/g, '$1$2')
    .trim();
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal, matched on normalized text, not inside a longer word or number. */
export function literalPattern(literal: string): RegExp {
  const n = escapeRe(normalize(literal))
    // "30 days" also as "30-day"/"30 day"; "3-5" also "3 to 5".
    .replace(/(\d+) (day|month|year|hour|week|minute)s\b/g, '$1[- ]$2s?')
    .replace(/(\d+)-(\d+)/g, '$1 ?(?:-|to) ?$2');
  const start = /^\w/.test(normalize(literal)) ? '(?<![\\w])' : '';
  const end = /\w$/.test(normalize(literal)) ? '(?![\\w])' : '(?![\\d])';
  return new RegExp(start + n + end, 'i');
}

export const containsLiteral = (text: string, literal: string) => literalPattern(literal).test(normalize(text));

/** Money as the shop prints it: "$1,099.00", "$1,099", "$1099"; cents that aren't whole dollars need them. */
export function moneyPattern(cents: number): RegExp {
  const dollars = Math.floor(cents / 100);
  const rest = cents % 100;
  const grouped = dollars.toLocaleString('en-US');
  const ints = [...new Set([grouped, String(dollars)])].map(escapeRe).join('|');
  const tail = rest === 0 ? '(?:\\.00)?(?!\\.?\\d)' : `\\.${String(rest).padStart(2, '0')}(?!\\d)`;
  return new RegExp(`\\$\\s?(?:${ints})${tail}`, 'i');
}

export const containsMoney = (text: string, cents: number) => moneyPattern(cents).test(text);

/**
 * Money as a German, Spanish or French page prints US dollars (Intl): "1.099,00 $", "1099,00 US$",
 * "1 099,00 $US" — decimal comma, any thousands grouping, the symbol after the amount.
 */
export function localeMoneyPattern(cents: number): RegExp {
  const dollars = String(Math.floor(cents / 100));
  const grouped = dollars.replace(/\B(?=(\d{3})+(?!\d))/g, '[.\\s\u00a0\u202f]?');
  return new RegExp(`(?<![\\d.,])${grouped},${String(cents % 100).padStart(2, '0')}[\\s\u00a0\u202f]?(?:US\\$|\\$\\s?US|\\$)`, 'i');
}

export const containsMoneyIn = (text: string, cents: number, lang: string) => (lang === 'en' ? containsMoney(text, cents) : localeMoneyPattern(cents).test(text));

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A calendar date (YYYY-MM-DD) as ISO, "December 5", "Dec 5", "5 December", "12/5", weekday optional. */
export function datePattern(isoDate: string): RegExp {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1]!;
  const mon = `${month.slice(0, 3)}(?:${escapeRe(month.slice(3))}|\\.)?`;
  const day = `0?${d}(?:st|nd|rd|th)?`;
  const forms = [
    escapeRe(isoDate.slice(0, 10)),
    `${mon} ${day}(?!\\d)`,
    `(?<!\\d)${day} (?:of )?${mon}`,
    `(?<![\\d/])0?${m}/0?${d}(?:/(?:${y}|${y % 100}))?(?![\\d])`,
  ];
  return new RegExp(`(?:${forms.join('|')})`, 'i');
}

export const containsDate = (text: string, isoDate: string) => datePattern(isoDate).test(normalize(text));

/** The full name of a product, as a phrase (word boundaries, any spacing or case). */
export function namePattern(name: string): RegExp {
  return new RegExp(`(?<![\\w])${escapeRe(normalize(name)).replace(/ /g, '\\s*')}(?![\\w])`, 'i');
}

export const containsName = (text: string, name: string) => namePattern(name).test(normalize(text));

/** Sentences (or list lines) of a reply, for facts that must be stated together ("WELCOME10 … expired"). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
