import type { UiLocale } from '@em/contracts/site';
import { INTL_TAG } from './pick-locale';

/**
 * Numbers, money, durations and dates for the console and the dashboard, per language (Intl). English
 * keeps the shapes the dashboard always had ("$1,234", "12.3%", "3m 05s"); the others follow their
 * market ("1.234 $", "12,3 %", "3 min 05 s"). Amounts are USD: the shop's and the AI provider's currency.
 */
export function formatters(locale: UiLocale) {
  const tag = INTL_TAG[locale];
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const dec1 = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dec2 = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const usd0 = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const usd2 = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD' });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const en = locale === 'en';
  const none = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);
  return {
    tag,
    int: (n: number | null | undefined) => (none(n) ? '—' : int.format(Math.round(n))),
    /** 0.123 → "12.3%" / "12,3 %". */
    pct: (r: number | null | undefined, digits = 1) =>
      none(r) ? '—' : new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(r),
    /** A share already in percent (12.5 → "12.5%"). */
    pctOf100: (v: number | null | undefined) => (none(v) ? '—' : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100)),
    dec1: (n: number) => dec1.format(n),
    dec2: (n: number) => dec2.format(n),
    /** Whole dollars from $100 up, cents below. */
    usd: (n: number) => (n >= 100 ? usd0.format(Math.round(n)) : usd2.format(n)),
    cents: (c: number) => usd2.format(c / 100),
    compact: (n: number) => compact.format(n),
    /** ms → "850 ms", "12.4 s", "3m 05s" / "3 min 05 s", "2h 10m" / "2 h 10 min". */
    duration(ms: number | null | undefined): string {
      if (none(ms)) return '—';
      if (ms < 1000) return `${int.format(Math.round(ms))} ms`;
      if (ms < 60_000) return `${dec1.format(ms / 1000)} s`;
      const totalS = Math.round(ms / 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      if (totalS < 3600) return en ? `${Math.floor(totalS / 60)}m ${pad(totalS % 60)}s` : `${Math.floor(totalS / 60)} min ${pad(totalS % 60)} s`;
      const m = Math.round(totalS / 60);
      return en ? `${Math.floor(m / 60)}h ${pad(m % 60)}m` : `${Math.floor(m / 60)} h ${pad(m % 60)} min`;
    },
    /** Hour ticks always on a 24-hour clock (the dashboard is in UTC); days as "Mar 2" / "2. März". */
    tick: (bucket: 'hour' | 'day' | 'week') => (d: Date) =>
      bucket === 'hour'
        ? d.toLocaleTimeString(en ? 'en-GB' : tag, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
        : d.toLocaleDateString(tag, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    /** "Mar 2, 14:05" in UTC (the dashboard's clock). */
    utcDateTime: (iso: string | Date) =>
      new Date(iso).toLocaleString(tag, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }),
    utcTime: (d: Date) => d.toLocaleTimeString(en ? 'en-GB' : tag, { timeZone: 'UTC' }),
    /** The agent's own clock, for the console. */
    dateTime: (iso: string | Date) => new Date(iso).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' }),
    time: (iso: string | Date) => new Date(iso).toLocaleTimeString(tag, { hour: '2-digit', minute: '2-digit' }),
    /** A calendar day ("2026-03-02" or an ISO instant's day); anything else is shown as sent. */
    date: (day: string) => {
      const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    },
    /** "de" → "German" / "Deutsch", in the reader's language. */
    languageName: (code: string) => {
      try {
        return new Intl.DisplayNames([tag], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
    /** Monday-first weekday names, short ("Mon" / "Mo."). */
    weekdays: Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(tag, { weekday: 'short', timeZone: 'UTC' })),
  };
}
export type Formatters = ReturnType<typeof formatters>;
