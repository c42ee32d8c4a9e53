import { UI_LOCALES, type UiLocale } from '@em/contracts/site';

/**
 * The first supported language among the candidates, most specific first (the widget: the loader's
 * `locale`, the site's setting, then the browser's languages; the console and the dashboard: the
 * user's stored choice, then the browser's languages). "de-AT" counts as German; unknown ones are skipped.
 */
export function pickLocale(...candidates: ReadonlyArray<string | null | undefined | readonly string[]>): UiLocale {
  for (const c of candidates.flat()) {
    const base = c?.toLowerCase().split('-')[0];
    if (base && (UI_LOCALES as readonly string[]).includes(base)) return base as UiLocale;
  }
  return 'en';
}

/** "de-DE,de;q=0.9,en;q=0.8" → ["de-DE", "de", "en"], by weight (the server's view of the browser's languages). */
export function acceptLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** The console's and the dashboard's language: the user's choice from the language menu, else the browser's, else English. */
export const pickUiLocale = (stored: string | null | undefined, browserLanguages: readonly string[]): UiLocale => pickLocale(stored, browserLanguages);

/** Where the language menu keeps the choice (one key for the console, the login page and the dashboard). */
export const UI_LOCALE_STORAGE_KEY = 'em.ui.locale';

/** The BCP 47 tag Intl formats with: a region, so numbers, dates and currencies follow that market. */
export const INTL_TAG: Record<UiLocale, string> = { en: 'en-US', de: 'de-DE', es: 'es-ES', fr: 'fr-FR' };

/** Each language in its own words, for the language menu (never translated). */
export const ENDONYM: Record<UiLocale, string> = { en: 'English', de: 'Deutsch', es: 'Español', fr: 'Français' };
