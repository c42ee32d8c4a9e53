import { z } from 'zod';
import { SiteBranding, SiteHours } from '@em/contracts/site';
import type { SiteConfig } from './deps';

const Origin = z.url().transform((u) => new URL(u).origin);

const BRANDING_KEYS = Object.keys(SiteBranding.shape) as (keyof SiteBranding)[];
const HOURS_KEYS = Object.keys(SiteHours.shape) as (keyof SiteHours)[];
const pick = <T extends object>(keys: (keyof T)[], from: Record<string, unknown>) =>
  Object.fromEntries(keys.flatMap((k) => (from[k as string] === undefined ? [] : [[k, from[k as string]]]))) as T;

/**
 * SITES_JSON: `[{"siteKey","identitySecret","allowedOrigins":[...], "title", "subtitle", "accentColor",
 * "logoUrl", "welcomeMessage", "locale", "timeZone", "businessHours", "holidays"}]` (DESIGN §10): extra
 * shops besides SITE_KEY, each with its optional branding, which the widget receives with session:ready,
 * and business hours (issue 20; @em/conversations/hours). The admin page's saved fields override both.
 */
export const SitesJson = z.array(
  z
    .object({
      siteKey: z.string().min(1).max(100),
      identitySecret: z.string().min(8),
      allowedOrigins: z.array(Origin).default([]),
    })
    .extend(SiteBranding.shape)
    .extend(SiteHours.shape)
    .transform(({ siteKey, identitySecret, allowedOrigins, ...rest }): SiteConfig => {
      const branding = pick<SiteBranding>(BRANDING_KEYS, rest);
      const hours = pick<SiteHours>(HOURS_KEYS, rest);
      return { siteKey, identitySecret, allowedOrigins, ...(Object.keys(branding).length ? { branding } : {}), ...(Object.keys(hours).length ? { hours } : {}) };
    }),
);

export const parseOrigins = (csv: string) =>
  csv
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => Origin.parse(o));

/** The env's single site first, then SITES_JSON; a repeated siteKey is a configuration error. */
export function buildSites(primary: SiteConfig, sitesJson?: string): SiteConfig[] {
  let extra: SiteConfig[] = [];
  if (sitesJson) {
    try {
      extra = SitesJson.parse(JSON.parse(sitesJson));
    } catch (err) {
      // Names the variable, never echoes its value (it holds identity secrets).
      throw new Error(`SITES_JSON is invalid: ${err instanceof z.ZodError ? z.prettifyError(err) : 'not JSON'}`);
    }
  }
  const sites = [primary, ...extra];
  const keys = new Set<string>();
  for (const s of sites) {
    if (keys.has(s.siteKey)) throw new Error(`site key "${s.siteKey}" is configured twice`);
    keys.add(s.siteKey);
  }
  return sites;
}

/**
 * Browser origin check for a site's /chat handshake: the site's own origins only (issue 15, finding 8).
 * The hosted widget (/widget, on the platform's origin) connects from the platform's origin whichever
 * shop framed it, so for that origin the shop page that framed it is what counts: the widget reports
 * it from the browser's postMessage event (`embedOrigin`), and /widget's frame-ancestors keeps
 * unlisted pages from framing it at all. Opened directly, the widget counts as the platform's page:
 * allowed for a site that lists the platform's origin (the demo storefront's site does).
 */
export function originAllowed(site: SiteConfig, platformOrigins: string[], origin: string | undefined, embedOrigin?: string): boolean {
  // Non-browser clients (server-side SDKs, tests, load tools) send no Origin; the site key and
  // identity hash still gate them. Browsers always send it on WebSocket and CORS requests.
  if (!origin) return true;
  const page = platformOrigins.includes(origin) ? (embedOrigin ?? origin) : origin;
  return site.allowedOrigins.includes(page);
}
