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
