// A throwaway platform for benchmarks: a fresh database on the configured Postgres, a unique
// Redis prefix, one gateway and N worker processes from the built dist bundles.
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../lib/database';
import { freePort } from '../lib/services';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from '../lib/processes';
import { childEnv, scriptEnv } from '../lib/env';
import { cpuMs } from '../lib/cpu';

export async function startBenchStack(opts: { workers: number; log: (s: string) => void; env?: Record<string, string> }) {
  const dbName = uniqueName('bench');
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  const port = await freePort();
  const env = childEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: dbName,
    PORT: String(port),
    // A load test is one IP opening thousands of sockets: lift the per-IP limits for this run only.
    RATE_CONNECTIONS_PER_MIN: '1000000',
    RATE_HTTP_PER_MIN: '1000000',
    ...opts.env,
  });
  // BENCH_PROFILE_DIR: write V8 CPU profiles of gateway and workers there (docs/benchmarks.md, profile).
  const profile = scriptEnv.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', scriptEnv.BENCH_PROFILE_DIR] : [];
  const gateway = spawnService('gateway', [...profile, ...SERVICE_ENTRY.gateway], env, { log: opts.log });
  const workers = Array.from({ length: opts.workers }, (_, i) =>
    spawnService(`worker${i + 1}`, [...profile, ...SERVICE_ENTRY.worker], env, { log: opts.log }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/ready`, 30_000, gateway);
  // A platform in service has started long before the load: wait until the workers are idle (their
  // start-up and background JIT warm-up done, WORKER_WARMUP_TURNS) so the window measures serving.
  const settledMs = await waitForIdle(workers.map((w) => w.pid!), 60_000);
  opts.log(`workers idle after ${Math.round(settledMs / 100) / 10} s`);
  return {
    url,
    gateway,
    workers,
    async stop() {
      await Promise.all([gateway, ...workers].map((c) => stopChild(c)));
      if (scriptEnv.BENCH_KEEP_DB === '1') opts.log(`kept database ${dbName} (BENCH_KEEP_DB=1): drop it when done`);
      else await dropDatabase(TEST_PG_ADMIN_URL, dbName).catch(() => {});
    },
  };
}

/** Waits until the processes together use under 5 % of a core over one second (or the timeout); returns the wait. */
async function waitForIdle(pids: number[], timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  const total = () => pids.reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0);
  let before = total();
  while (Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = total();
    if (now - before < 50) break;
    before = now;
  }
  return Date.now() - t0;
}
