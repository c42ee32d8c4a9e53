'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { UiLocale } from '@em/contracts/site';
import { de } from './de';
import { en, type Messages } from './en';
import { es } from './es';
import { fr } from './fr';

// Hand-written rather than i18next/react-intl: about fifty short texts, no plural rules beyond what a
// function per text handles, compile-time checks that every language has every text (typed by `en`),
// and nothing added to the embeddable widget's bundle. Dates and times go through Intl.
const CATALOGS: Record<UiLocale, Messages> = { en, de, es, fr };

export { pickLocale } from './pick-locale';

export const messagesFor = (locale: UiLocale): Messages => CATALOGS[locale];

const I18n = createContext<{ locale: UiLocale; t: Messages }>({ locale: 'en', t: en });

export function I18nProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <I18n.Provider value={{ locale, t: CATALOGS[locale] }}>{children}</I18n.Provider>;
}

/** The widget's texts in the customer's language, and that language (for Intl and the speech API). */
export const useI18n = () => useContext(I18n);
export type { Messages };
