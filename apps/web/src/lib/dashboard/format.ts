/**
 * Chart colours for the dashboard. Numbers, money, durations and dates are formatted per language by
 * lib/i18n/intl.ts; the words (domains, sentiments) live in the catalogs (lib/i18n/dashboard).
 */
export const SENTIMENT_COLOR: Record<string, string> = {
  very_negative: '#c62828',
  negative: '#ef6c00',
  neutral: '#90a4ae',
  positive: '#2e7d32',
  unknown: '#bdbdbd',
};

/** A known key in the catalog's words; one this build does not know, readable ("some_thing" → "some thing"). */
export const label = (map: Record<string, string>, key: string) => map[key] ?? key.replace(/_/g, ' ');
