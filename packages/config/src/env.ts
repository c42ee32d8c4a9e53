import { z } from 'zod';

/** Shared pieces of the apps' env schemas; each app's env.ts is the only reader of process.env. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  DATABASE_URL: z.string().url(),
  /** Prefix for BullMQ keys and our own Redis keys, so tests and tenants can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]+$/).default('em'),
  /**
   * Postgres connections per pool (the gateway has a second pool of this size for reports). Few is
   * cheaper: measured with `pnpm bench:load`, Postgres spent 2.3 ms a message with 4 connections a
   * process and 2.9–3.5 ms with 18–20 (more backends contend for the same two cores); postgres.js
   * queues or pipelines what does not fit. docs/benchmarks.md, "Sixth pass".
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
};

export const DEV_SECRET = 'dev-only-insecure-secret-change-me';

/** Production must not run on the demo defaults (DESIGN §6, issue 10). */
export function refuseDefaultSecretsInProduction(env: { NODE_ENV: string }, secrets: Record<string, string>) {
  if (env.NODE_ENV !== 'production') return;
  const bad = Object.entries(secrets).filter(([, v]) => v === DEV_SECRET || v.length < 16).map(([k]) => k);
  if (bad.length) throw new Error(`Refusing to start in production with default or short secrets: ${bad.join(', ')}`);
}
