// One bench:load run: the platform (its own gateway + workers on a fresh database, or --url) under the
// generator's load. Shared by `pnpm bench:load` and `pnpm bench:compare`.
import { cpuMeter, pidsNamed } from '../lib/cpu';
import { rssMb } from '../lib/processes';
import type { LoadArgs } from './args';
import { loadOptions } from './args';
import { runLoad } from './load-generator';
import { startBenchStack } from './stack';

export async function runPlatformBench(args: LoadArgs, log: (s: string) => void) {
  const stack = args.url ? null : await startBenchStack({ workers: args.workers, log });
  const url = args.url ?? stack!.url;
  let peakGateway = 0;
  let peakWorkers = 0;
  // Peak RSS, sampled every 500 ms while the load runs.
  const sampler = setInterval(() => {
    peakGateway = Math.max(peakGateway, rssMb(stack?.gateway.pid) ?? 0);
    peakWorkers = Math.max(peakWorkers, (stack?.workers ?? []).reduce((sum, w) => sum + (rssMb(w.pid) ?? 0), 0));
  }, 500);
  // CPU of everything that serves a message, over the sending window only (not the connection ramp).
  // Postgres and Redis are the machine's shared servers: the bench should run alone (docs/benchmarks.md).
  const cpu = cpuMeter({
    gateway: () => (stack ? [stack.gateway.pid!] : []),
    workers: () => (stack?.workers ?? []).map((w) => w.pid!),
    postgres: () => pidsNamed(['postgres']),
    redis: () => pidsNamed(['redis-server']),
  });
  let cpuMsByProcess: Record<string, number> = {};
  try {
    const result = await runLoad({
      ...loadOptions(args, url, log),
      onPhase: (phase) => (phase === 'sending' ? cpu.start() : (cpuMsByProcess = cpu.stop())),
    });
    const { refused, ...summary } = result;
    if (Object.keys(refused).length) log(`refused: ${JSON.stringify(refused)}`);
    const totalCpuMs = Object.values(cpuMsByProcess).reduce((a, b) => a + b, 0);
    return {
      ...summary,
      gateway_rss_mb: stack ? peakGateway : await gatewayRssFromMetrics(url),
      worker_rss_mb: stack ? peakWorkers : null,
      // With --url the platform's processes are elsewhere: only this machine's Postgres/Redis would count.
      cpu_ms_per_msg: stack && summary.replied ? Math.round((totalCpuMs / summary.replied) * 100) / 100 : null,
      cpu_ms: stack ? cpuMsByProcess : null,
    };
  } finally {
    clearInterval(sampler);
    await stack?.stop();
  }
}

/** With --url, the gateway's own prom-client process metrics give its RSS. */
async function gatewayRssFromMetrics(base: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    const m = /^process_resident_memory_bytes (\d+)/m.exec(text);
    return m ? Math.round(Number(m[1]) / 1048576) : null;
  } catch {
    return null;
  }
}
