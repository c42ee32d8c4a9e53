'use client';
import type { UiLocale } from '@em/contracts/site';
import { formatters, type Formatters } from '../intl';
import { reasonText } from '../reasons';
import { useUiLocale } from '../UiLocaleProvider';
import { CONSOLE_CATALOGS } from './catalogs';
import type { ConsoleMessages } from './en';

export { CONSOLE_CATALOGS };

const cache = new Map<UiLocale, Formatters>();
const fmt = (l: UiLocale) => cache.get(l) ?? cache.set(l, formatters(l)).get(l)!;

/**
 * An error the console shows: a gateway error code or one of the console's own keys (`no_answer`,
 * `unreachable`…) in the user's language; any other text (an older caller's sentence) as it is.
 */
export const errorText = (t: ConsoleMessages, error: string) => (t.errors as Record<string, string>)[error] ?? error;

/** The console's (and the login page's) texts and formatters in the user's language (UiLocaleProvider). */
export function useConsoleI18n() {
  const { locale, setLocale } = useUiLocale();
  const t = CONSOLE_CATALOGS[locale];
  return {
    locale,
    setLocale,
    t,
    f: fmt(locale),
    reason: (r: string, surface: 'queue' | 'brief') => reasonText(locale, r, surface),
    status: (s: string) => t.status[s] ?? s,
    error: (e: string) => errorText(t, e),
  };
}
export type { ConsoleMessages };
