import { z } from 'zod';
import { commonEnv, DEV_SECRET } from '@em/config/env';
import { DEFAULT_LIMITS } from './limits';
import { parseTrustProxy } from './http/trust-proxy';
import { refuseUnsafeProductionConfig } from './production-checks';

const Env = z.object({
  ...commonEnv,
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  SITE_KEY: z.string().min(1).default('demo-site'),
  SITE_IDENTITY_SECRET: z.string().min(8).default(DEV_SECRET),
  SESSION_SECRET: z.string().min(8).default(DEV_SECRET),
  /** Signs console (agent/admin) tokens; separate from SESSION_SECRET so a widget secret leak can't mint agents. */
  CONSOLE_JWT_SECRET: z.string().min(8).default(DEV_SECRET),
  /** Comma-separated origins allowed for the site key (CORS and Socket.IO); the web app's origin is always allowed. */
  ALLOWED_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000,http://localhost:3100,http://127.0.0.1:3100'),
  WEB_ORIGIN: z.string().default('http://localhost:3000'),
  /** Further shops: JSON array of { siteKey, identitySecret, allowedOrigins[] } (see sites.ts). */
  SITES_JSON: z.string().optional(),
  /** Bearer token required by GET /metrics; unset = open in development, refused in production. */
  METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
  /** Per-IP limits (DESIGN's rate_limited): new /chat connections per minute, /api requests per minute. */
  RATE_CONNECTIONS_PER_MIN: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.connectionsPerIp.points),
  RATE_HTTP_PER_MIN: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.httpPerIp.points),
  /** Attachments (issue 20): uploads per minute per chat session or console user. */
  RATE_UPLOADS_PER_MIN: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.uploads.points),
  /** Attachments on local disk (the default): a folder, relative to the gateway's working directory. */
  UPLOADS_DIR: z.string().min(1).default('.data/uploads'),
  /** Attachments in an S3-compatible store instead (AWS S3, MinIO…): set S3_BUCKET; S3_ENDPOINT for anything but AWS. */
  S3_BUCKET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(3).optional()),
  S3_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** MinIO and most self-hosted stores need path-style addressing (http://host/bucket/key). */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Dashboard: minutes without a message after which a conversation left with the AI counts as resolved by it. */
  ANALYTICS_AI_IDLE_MIN: z.coerce.number().int().min(1).max(10_080).default(30),
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs, `loopback`…); unset = none (http/trust-proxy.ts). */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: ${(err as Error).message}` });
        return z.NEVER;
      }
    }),
});
export type GatewayEnv = z.infer<typeof Env>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const env = Env.parse(source);
  refuseUnsafeProductionConfig(env);
  return env;
}
