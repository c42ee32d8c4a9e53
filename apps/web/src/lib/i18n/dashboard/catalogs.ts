import type { UiLocale } from '@em/contracts/site';
import { de } from './de';
import { en, type DashboardMessages } from './en';
import { es } from './es';
import { fr } from './fr';

/** Every language's dashboard texts; a plain module, so server components (page titles) can read it too. */
export const DASHBOARD_CATALOGS: Record<UiLocale, DashboardMessages> = { en, de, es, fr };
