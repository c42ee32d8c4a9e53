import { headers } from 'next/headers';
import type { UiLocale } from '@em/contracts/site';
import { acceptLanguages, pickLocale } from './pick-locale';

/**
 * The browser's language as the request states it (Accept-Language), so the console, the login page
 * and the dashboard render in it on the server already; the stored choice applies after hydration.
 */
export async function requestLocale(): Promise<UiLocale> {
  return pickLocale(acceptLanguages((await headers()).get('accept-language')));
}
