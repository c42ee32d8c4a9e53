// Gateway and worker as real processes (the built dist bundles) for fault tests, so a fault can
// kill or restart one of them exactly as it would happen in production.
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/lib/services';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from '../../scripts/lib/processes';
import { childEnv, scriptEnv } from '../../scripts/lib/env';

export async function startFaultPlatform(o: { databaseUrl: string; redisUrl: string; prefix: string; env?: Record<string, string> }) {
  const port = await freePort();
  const env = childEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: scriptEnv.FAULT_LOGS ? 'info' : 'fatal',
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: o.prefix,
    PORT: String(port),
    WORKER_CONCURRENCY: '4',
    // No background JIT warm-up (worker env): a fault test's seconds are spent on its fault.
    WORKER_WARMUP_TURNS: '0',
    ...o.env,
  });
  const url = `http://127.0.0.1:${port}`;
  // FAULT_LOGS=1 shows the processes' own logs when a fault test needs explaining.
  const quiet = { quiet: !scriptEnv.FAULT_LOGS };
  let gateway: ChildProcess = spawnService('gateway', SERVICE_ENTRY.gateway, env, quiet);
  const worker = spawnService('worker', SERVICE_ENTRY.worker, env, quiet);
  await waitForHttp(`${url}/health`, 30_000, gateway);
  return {
    url,
    get gateway() {
      return gateway;
    },
    worker,
    /** Kills the gateway without warning (SIGKILL) and starts a new one on the same port. */
    async crashAndRestartGateway(downMs: number) {
      gateway.kill('SIGKILL');
      await new Promise((r) => gateway.once('exit', r));
      await new Promise((r) => setTimeout(r, downMs));
      gateway = spawnService('gateway', SERVICE_ENTRY.gateway, env, quiet);
      await waitForHttp(`${url}/health`, 30_000, gateway);
    },
    async stop() {
      await Promise.all([stopChild(gateway), stopChild(worker)]);
    },
  };
}

/** Polls /ready and keeps what it said, so a test can check it told the truth during a fault. */
export function watchReadiness(url: string, everyMs = 200) {
  const seen: { at: number; status: number; down: string[] }[] = [];
  const timer = setInterval(() => {
    fetch(`${url}/ready`)
      .then(async (r) => seen.push({ at: Date.now(), status: r.status, down: ((await r.json()) as { down: string[] }).down }))
      .catch(() => seen.push({ at: Date.now(), status: 0, down: ['gateway'] }));
  }, everyMs);
  return { seen, stop: () => clearInterval(timer) };
}
