import { SiteSettingsUpdate, WEEKDAYS, type SiteSettingsItem, type Weekday } from '@em/contracts/site';

/** The admin page's editable copy of a site: text fields ('' = not set), hours as rows. */
export interface SiteForm {
  title: string;
  subtitle: string;
  accentColor: string;
  logoUrl: string;
  welcomeMessage: string;
  locale: string;
  hoursOn: boolean;
  timeZone: string;
  days: Record<Weekday, { from: string; to: string }[]>;
  holidays: string[];
}

export function toForm(site: SiteSettingsItem): SiteForm {
  const b = site.branding;
  const week = site.hours.businessHours;
  return {
    title: b.title ?? '',
    subtitle: b.subtitle ?? '',
    accentColor: b.accentColor ?? '',
    logoUrl: b.logoUrl ?? '',
    welcomeMessage: b.welcomeMessage ?? '',
    locale: b.locale ?? '',
    hoursOn: !!week,
    timeZone: site.hours.timeZone ?? 'UTC',
    days: Object.fromEntries(WEEKDAYS.map((d) => [d, (week?.[d] ?? []).map((s) => ({ ...s }))])) as SiteForm['days'],
    holidays: [...(site.hours.holidays ?? [])],
  };
}

const set = (v: string) => (v.trim() ? v.trim() : undefined);

/** The PUT body: every field as shown (an emptied field is left out, so SITES_JSON's value applies again). */
export function toBody(f: SiteForm) {
  const branding = Object.fromEntries(
    Object.entries({ title: set(f.title), subtitle: set(f.subtitle), accentColor: set(f.accentColor), logoUrl: set(f.logoUrl), welcomeMessage: set(f.welcomeMessage), locale: set(f.locale) }).filter(([, v]) => v !== undefined),
  );
  const businessHours = Object.fromEntries(WEEKDAYS.flatMap((d) => (f.days[d].length ? [[d, f.days[d]]] : [])));
  const hours = {
    ...(set(f.timeZone) ? { timeZone: f.timeZone.trim() } : {}),
    ...(f.hoursOn ? { businessHours } : {}),
    ...(f.holidays.length ? { holidays: [...f.holidays].sort() } : {}),
  };
  return { branding, hours };
}

/**
 * Checks the body with the contract the gateway applies (SiteSettingsUpdate), so errors show at the
 * field before a round trip: a map from field path ("branding.title", "hours.businessHours.mon.0") to message.
 */
export function validate(f: SiteForm): { body: ReturnType<typeof toBody>; errors: Record<string, string> } {
  const body = toBody(f);
  const r = SiteSettingsUpdate.safeParse(body);
  const errors: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) errors[i.path.join('.')] ??= i.message;
  return { body, errors };
}

/** The first error under a path prefix (a day's rows, the holiday list). */
export const errorUnder = (errors: Record<string, string>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
