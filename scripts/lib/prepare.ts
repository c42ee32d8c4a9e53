// The common first half of `pnpm start` and `pnpm start:cluster`: build, bring up (or embed)
// Postgres and Redis, migrate and seed.
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { migrateAndSeed } from './database';
import { childEnv } from './env';
import { BUILD_ARGS, ensurePostgres, ensureRedis, repoRoot } from './services';

export const StartEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().default(4000),
  WEB_PORT: z.coerce.number().int().default(3000),
  NODE_ENV: z.string().default('development'),
  SKIP_BUILD: z.string().optional(),
});
export type StartEnv = z.infer<typeof StartEnv>;

export async function prepareServices(env: StartEnv, log: (s: string) => void) {
  if (!env.SKIP_BUILD) {
    log('building…');
    const b = spawnSync('pnpm', BUILD_ARGS, { cwd: repoRoot, stdio: 'inherit', env: childEnv({ TURBO_TELEMETRY_DISABLED: '1' }) });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const pg = await ensurePostgres(env.DATABASE_URL, log);
  const redis = await ensureRedis(env.REDIS_URL, log);
  const seeded = await migrateAndSeed(pg.url);
  log(`database migrated; seed ${seeded.created ? `created (${seeded.products} products)` : 'already present'}`);
  return { pg, redis };
}
