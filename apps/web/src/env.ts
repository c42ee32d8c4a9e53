import 'server-only';
import { z } from 'zod';
import { DEV_SECRET } from '@em/config/env';

/**
 * The web app's only reader of process.env (DESIGN §9). Parsed lazily on first use, so `next build`
 * never needs run-time settings; every page that calls this is `force-dynamic`.
 */
const Env = z.object({
  /** Optional here: without it the storefront shows a notice instead of the catalog. */
  DATABASE_URL: z.string().url().optional(),
  /** What the browser connects Socket.IO to. */
  PUBLIC_GATEWAY_URL: z.string().url().default('http://localhost:4000'),
  SITE_KEY: z.string().min(1).default('demo-site'),
  SITE_IDENTITY_SECRET: z.string().min(8).default(DEV_SECRET),
});
export type WebEnv = z.infer<typeof Env>;

let cached: WebEnv | undefined;

export function env(): WebEnv {
  if (!cached) {
    // Empty strings (e.g. `DATABASE_URL=` in a .env) mean "unset".
    const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
    cached = Env.parse(source);
  }
  return cached;
}
