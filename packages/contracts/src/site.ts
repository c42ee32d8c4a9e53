import { z } from 'zod';

/** Languages the widget (and the offline AI) speak; the first is the fallback. */
export const UI_LOCALES = ['en', 'de', 'es', 'fr'] as const;
export const UiLocale = z.enum(UI_LOCALES);
export type UiLocale = z.infer<typeof UiLocale>;

/** Only http(s): a logo URL lands in an <img src>, and javascript:/data: URLs have no place there. */
const HttpUrl = z.url({ protocol: /^https?$/ }).max(500);

/**
 * A shop's look in the widget: the branding fields of its SITES_JSON entry (DESIGN §10). Every field is
 * optional: the platform's own brand fills the gaps. Plain text only; the widget renders it as text.
 */
export const SiteBranding = z.object({
  title: z.string().trim().min(1).max(60).optional(),
  subtitle: z.string().trim().min(1).max(80).optional(),
  /** #rgb or #rrggbb. */
  accentColor: z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/)
    .optional(),
  logoUrl: HttpUrl.optional(),
  welcomeMessage: z.string().trim().min(1).max(300).optional(),
  /** The site's default language; the loader's `locale` and then the browser's language override it. */
  locale: UiLocale.optional(),
});
export type SiteBranding = z.infer<typeof SiteBranding>;

// ---- Business hours (DESIGN §10: SITES_JSON `timeZone`, `businessHours`, `holidays`; issue 20) ----

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof Weekday>;

const HHMM = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM, 00:00–24:00');
/** One opening span in the site's local time, e.g. { from: '09:00', to: '17:30' }; `to` after `from`. */
export const OpeningSpan = z
  .object({ from: HHMM, to: HHMM })
  .refine((s) => s.from < s.to, { message: '`to` must be after `from`' });
export type OpeningSpan = z.infer<typeof OpeningSpan>;

/** An IANA time zone the runtime knows (Intl), e.g. Europe/Berlin. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

/**
 * When people answer: weekly spans per weekday (a day left out is closed) and closed dates
 * (YYYY-MM-DD, local to `timeZone`). A site without `businessHours` is always open (people answer
 * whenever someone is online), which is how every site behaved before issue 20.
 */
export const SiteHours = z.object({
  timeZone: TimeZone.optional(),
  businessHours: z.partialRecord(Weekday, z.array(OpeningSpan).max(4)).optional(),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366).optional(),
});
export type SiteHours = z.infer<typeof SiteHours>;

/** A site's state at an instant, as the widget and console show it (@em/conversations/hours computes it). */
export const SiteOpenState = z.object({
  open: z.boolean(),
  /** ISO time people are next back, when closed and a next opening is known (within 14 days). */
  nextOpenAt: z.string().optional(),
  /** The zone the hours are read in (UTC when the site names none). */
  timeZone: z.string(),
});
export type SiteOpenState = z.infer<typeof SiteOpenState>;

// ---- Site settings on the admin page (REST; the DB's site_settings rows over SITES_JSON) ----

/** GET /api/sites (admin): a site's effective branding and hours, and its state now. Never secrets or origins. */
export const SiteSettingsItem = z.object({
  siteKey: z.string(),
  branding: SiteBranding,
  hours: SiteHours,
  state: SiteOpenState,
  /** When the admin page last saved this site (null: SITES_JSON only). */
  updatedAt: z.string().nullable(),
});
export type SiteSettingsItem = z.infer<typeof SiteSettingsItem>;
export const SiteSettingsListResponse = z.object({ items: z.array(SiteSettingsItem) });
export type SiteSettingsListResponse = z.infer<typeof SiteSettingsListResponse>;

/**
 * PUT /api/sites/:siteKey (admin). Each part given replaces that part of the saved override; a field
 * left out falls back to the site's SITES_JSON value. Unknown keys (identitySecret, allowedOrigins…)
 * are refused, not ignored: they are not editable here.
 */
export const SiteSettingsUpdate = z
  .object({ branding: SiteBranding.strict().optional(), hours: SiteHours.strict().optional() })
  .strict()
  .refine((b) => b.branding !== undefined || b.hours !== undefined, 'nothing to change: give branding or hours');
export type SiteSettingsUpdate = z.infer<typeof SiteSettingsUpdate>;

/** GET /api/sites/state (any console user): each site's name and whether people are in now. */
export const SiteStateListResponse = z.object({
  items: z.array(z.object({ siteKey: z.string(), title: z.string().optional(), state: SiteOpenState })),
});
export type SiteStateListResponse = z.infer<typeof SiteStateListResponse>;
