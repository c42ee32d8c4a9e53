'use client';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { UiLocale } from '@em/contracts/site';
import { pickUiLocale, UI_LOCALE_STORAGE_KEY } from './pick-locale';

const Ctx = createContext<{ locale: UiLocale; setLocale: (l: UiLocale) => void }>({ locale: 'en', setLocale: () => {} });

const stored = () => {
  try {
    return window.localStorage.getItem(UI_LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's language still applies
  }
};

/**
 * The console's, the login page's and the dashboard's language. `initial` comes from the request's
 * Accept-Language, so the server render is already in the browser's language; after hydration the
 * user's choice from the language menu (localStorage) wins, then the browser's languages, then English.
 */
export function UiLocaleProvider({ initial, children }: { initial?: UiLocale; children: ReactNode }) {
  const [locale, setState] = useState<UiLocale>(initial ?? 'en');
  useEffect(() => setState(pickUiLocale(stored(), navigator.languages?.length ? navigator.languages : [navigator.language])), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: UiLocale) => {
    try {
      window.localStorage.setItem(UI_LOCALE_STORAGE_KEY, l);
    } catch {
      // not kept across reloads, but applies now
    }
    setState(l);
  }, []);
  return <Ctx.Provider value={{ locale, setLocale }}>{children}</Ctx.Provider>;
}

export const useUiLocale = () => useContext(Ctx);
