import type { UiLocale } from '@em/contracts/site';
import { de } from './de';
import { en, type ConsoleMessages } from './en';
import { es } from './es';
import { fr } from './fr';

/** Every language's console texts; a plain module, so server components (page titles) can read it too. */
export const CONSOLE_CATALOGS: Record<UiLocale, ConsoleMessages> = { en, de, es, fr };
