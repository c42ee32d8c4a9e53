// Issue 21: the console, the login page and the dashboard in English, German, Spanish and French.
// The catalogs are typed by English (a missing text does not compile); this checks what types cannot:
// no empty or untranslated-looking texts, nested maps with the same keys, and how the language is chosen.
import { describe, expect, it } from 'vitest';
import { ESCALATION_REASONS } from '@em/contracts/analytics';
import { UI_LOCALES } from '@em/contracts/site';
import { CONSOLE_CATALOGS } from '../../apps/web/src/lib/i18n/console';
import { DASHBOARD_CATALOGS } from '../../apps/web/src/lib/i18n/dashboard';
import { formatters } from '../../apps/web/src/lib/i18n/intl';
import { acceptLanguages, pickUiLocale } from '../../apps/web/src/lib/i18n/pick-locale';
import { reasonCatalogs, reasonText } from '../../apps/web/src/lib/i18n/reasons';
import { emptyText } from '../../apps/web/src/lib/console/queue-text';

/** Every leaf as [path, value]; functions are called with sample arguments so their sentences are checked too. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') return [[path, (value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 'X' : 2)))]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}
const shape = (value: unknown): string[] => leaves(value).map(([p]) => p).sort();

describe.each([
  ['console', CONSOLE_CATALOGS],
  ['dashboard', DASHBOARD_CATALOGS],
  ['escalation reasons', reasonCatalogs],
] as const)('the %s catalogs', (_name, catalogs) => {
  it('have the same keys in every language, nested maps included', () => {
    for (const l of UI_LOCALES) expect(shape(catalogs[l]), l).toEqual(shape(catalogs.en));
  });
  it('have no empty texts', () => {
    for (const l of UI_LOCALES) for (const [path, v] of leaves(catalogs[l])) expect(typeof v === 'string' && v.trim().length > 0, `${l}.${path}`).toBe(true);
  });
  it('are translated (German, Spanish and French differ from English in most texts)', () => {
    const en = new Map(leaves(catalogs.en));
    for (const l of ['de', 'es', 'fr'] as const) {
      const all = leaves(catalogs[l]);
      const same = all.filter(([p, v]) => en.get(p) === v).length;
      expect(same / all.length, l).toBeLessThan(0.25);
    }
  });
});

describe('escalation reasons', () => {
  it('English is @em/contracts ESCALATION_REASON_LABELS; every reason has words in every language', () => {
    expect(reasonText('en', 'negative_sentiment', 'brief')).toBe('Customer is upset');
    for (const l of UI_LOCALES) for (const r of ESCALATION_REASONS) expect(reasonText(l, r, 'queue')).not.toBe(r);
    expect(reasonText('de', 'negative_sentiment', 'queue')).toBe('Verärgerter Kunde');
    expect(reasonText('fr', 'something_new', 'chart')).toBe('something_new');
  });
});

describe('the language of the console and the dashboard', () => {
  it('is the stored choice, then the browser’s languages, then English', () => {
    expect(pickUiLocale('fr', ['de-DE', 'de'])).toBe('fr');
    expect(pickUiLocale(null, ['de-DE', 'en'])).toBe('de');
    expect(pickUiLocale(undefined, ['ja-JP', 'es-MX'])).toBe('es');
    expect(pickUiLocale('xx', ['ja'])).toBe('en');
    expect(pickUiLocale(null, [])).toBe('en');
  });
  it('reads Accept-Language by weight for the server render', () => {
    expect(acceptLanguages('de-DE,de;q=0.9,en;q=0.8')).toEqual(['de-DE', 'de', 'en']);
    expect(acceptLanguages('en;q=0.5, fr-CH, *;q=0.1')).toEqual(['fr-CH', 'en']);
    expect(acceptLanguages(undefined)).toEqual([]);
  });
});

describe('numbers, money and dates per language', () => {
  it('English keeps the dashboard’s shapes; German writes them the German way (Intl puts a no-break space before % and $)', () => {
    const en = formatters('en');
    const de = formatters('de');
    expect([en.int(2534), en.pct(0.123), en.usd(1234.4), en.usd(12.5), en.duration(185_000)]).toEqual(['2,534', '12.3%', '$1,234', '$12.50', '3m 05s']);
    expect([de.int(2534), de.pct(0.123), de.usd(12.5), de.duration(185_000), de.duration(12_400)]).toEqual(['2.534', '12,3\u00a0%', '12,50\u00a0$', '3 min 05 s', '12,4 s']);
    expect(de.tick('day')(new Date('2026-03-02T00:00:00Z'))).toBe('2. März');
    expect(de.weekdays[0]).toBe('Mo');
    expect(formatters('fr').languageName('de')).toBe('allemand');
  });
});

describe('the empty queue', () => {
  it('speaks the catalog it is given', () => {
    expect(emptyText('waiting', 'x', 18, CONSOLE_CATALOGS.de)).toBe('Kein wartendes Gespräch passt zu „x“ – insgesamt 18 wartend.');
    expect(emptyText('mine', '', 5, CONSOLE_CATALOGS.es)).toBe('No hay conversaciones aquí.');
  });
});
