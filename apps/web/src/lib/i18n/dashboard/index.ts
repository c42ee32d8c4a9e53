'use client';
import type { UiLocale } from '@em/contracts/site';
import { formatters } from '../intl';
import { reasonText } from '../reasons';
import { useUiLocale } from '../UiLocaleProvider';
import { de } from './de';
import { en, type DashboardMessages } from './en';
import { es } from './es';
import { fr } from './fr';

export const DASHBOARD_CATALOGS: Record<UiLocale, DashboardMessages> = { en, de, es, fr };

const cache = new Map<UiLocale, ReturnType<typeof formatters>>();
const fmt = (l: UiLocale) => cache.get(l) ?? cache.set(l, formatters(l)).get(l)!;

/** The dashboard's texts and formatters in the user's language (UiLocaleProvider). */
export function useDashboardI18n() {
  const { locale } = useUiLocale();
  return { locale, t: DASHBOARD_CATALOGS[locale], f: fmt(locale), reason: (r: string) => reasonText(locale, r, 'chart') };
}
export type { DashboardMessages };
