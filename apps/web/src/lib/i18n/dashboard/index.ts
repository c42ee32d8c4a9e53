'use client';
import type { UiLocale } from '@em/contracts/site';
import { formatters } from '../intl';
import { reasonText } from '../reasons';
import { useUiLocale } from '../UiLocaleProvider';
import { DASHBOARD_CATALOGS } from './catalogs';
import type { DashboardMessages } from './en';

export { DASHBOARD_CATALOGS };

const cache = new Map<UiLocale, ReturnType<typeof formatters>>();
const fmt = (l: UiLocale) => cache.get(l) ?? cache.set(l, formatters(l)).get(l)!;

/** The dashboard's texts and formatters in the user's language (UiLocaleProvider). */
export function useDashboardI18n() {
  const { locale } = useUiLocale();
  return { locale, t: DASHBOARD_CATALOGS[locale], f: fmt(locale), reason: (r: string) => reasonText(locale, r, 'chart') };
}
export type { DashboardMessages };
