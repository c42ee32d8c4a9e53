import { z } from 'zod';
import { DEV_SECRET, refuseDefaultSecretsInProduction } from '@em/config/env';

const Origins = z
  .string()
  .transform((csv) => csv.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.url().transform((u) => new URL(u).origin)));
/** Only what the web app needs from SITES_JSON (the gateway validates the rest). */
const Sites = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'SITES_JSON is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ siteKey: z.string(), allowedOrigins: z.array(z.url().transform((u) => new URL(u).origin)).default([]) })));

/**
 * The web app's only reader of process.env (DESIGN §9). Pages import it through server-env.ts
 * (server-only); the request proxy and server start-up, which are not React server modules, import it directly.
 * Parsed on first use and at server start (src/instrumentation.ts), never at build time, so
 * `next build` needs no run-time settings; every page that calls this is `force-dynamic`. NODE_ENV is read here at run time: Next inlines
 * `process.env.NODE_ENV` as "production" in every built bundle, whatever the server runs as.
 */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Optional here: without it the storefront shows a notice instead of the catalog. */
  DATABASE_URL: z.string().url().optional(),
  /** What the browser connects Socket.IO to. */
  PUBLIC_GATEWAY_URL: z.string().url().default('http://localhost:4000'),
  SITE_KEY: z.string().min(1).default('demo-site'),
  /** Signs the demo customers' identities, in development only (lib/demo-users.ts). */
  SITE_IDENTITY_SECRET: z.string().min(8).default(DEV_SECRET),
  /** Shop origins that may frame /widget (with SITES_JSON's): the same list the gateway uses. */
  ALLOWED_ORIGINS: Origins.default(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:3100', 'http://127.0.0.1:3100']),
  SITES_JSON: Sites.optional(),
});
export type WebEnv = z.infer<typeof Env>;

let cached: WebEnv | undefined;

/** Parses once; in production refuses the development secret, as the gateway does (issue 15, finding 1). */
export function env(): WebEnv {
  if (!cached) {
    // Empty strings (e.g. `DATABASE_URL=` in a .env) mean "unset".
    const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
    const parsed = Env.parse(source);
    refuseDefaultSecretsInProduction(parsed, { SITE_IDENTITY_SECRET: parsed.SITE_IDENTITY_SECRET });
    cached = parsed;
  }
  return cached;
}

/** Every origin allowed to embed the widget: the sites' own, which is what /widget's frame-ancestors lists. */
export const widgetParentOrigins = (e: WebEnv) => [...new Set([...e.ALLOWED_ORIGINS, ...(e.SITES_JSON ?? []).flatMap((s) => s.allowedOrigins)])];

