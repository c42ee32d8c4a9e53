// Starts the built platform once for the e2e run: its own database and Redis key prefix on the
// machine's real services, free ports, the same startPlatform() that `pnpm start` uses.
import type { FullConfig } from '@playwright/test';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../scripts/lib/database';
import { startPlatform } from '../scripts/lib/platform';
import { freePort } from '../scripts/lib/services';
import { e2eEnv, publishE2eEnv } from './env';

export default async function globalSetup(_config: FullConfig) {
  const name = uniqueName('e2e');
  const databaseUrl = await createDatabase(TEST_PG_ADMIN_URL, name);
  await migrateAndSeed(databaseUrl);
  const [gatewayPort, webPort, examplePort] = await Promise.all([freePort(), freePort(), freePort()]);
  const lines: string[] = [];
  const platform = await startPlatform({
    databaseUrl,
    redisUrl: TEST_REDIS_URL,
    gatewayPort,
    webPort,
    redisPrefix: name,
    exampleOrigins: [`http://localhost:${examplePort}`],
    log: (l) => lines.push(l),
    quiet: false,
    // No background JIT warm-up (worker env): its CPU would compete with the first specs.
    extraEnv: { WORKER_WARMUP_TURNS: '0' },
  });
  // Specs that need extra rows (e.g. dashboard.spec.ts seeding history) write to the same database.
  publishE2eEnv({ webUrl: platform.webUrl, gatewayUrl: platform.gatewayUrl, examplePort, databaseUrl });
  return async () => {
    await platform.stop();
    await dropDatabase(TEST_PG_ADMIN_URL, name);
    if (e2eEnv.verbose()) console.log(lines.join('\n'));
  };
}
