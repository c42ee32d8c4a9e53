// One bench:load run: the platform (its own gateway + workers on a fresh database, or --url) under the
// generator's load. Shared by `pnpm bench:load` and `pnpm bench:compare`.
import { cpuMeter, pidsNamed, syscallMeter, type CpuGroups } from '../lib/cpu';
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
  const groups: CpuGroups = {
    gateway: () => (stack ? [stack.gateway.pid!] : []),
    workers: () => (stack?.workers ?? []).map((w) => w.pid!),
    postgres: () => pidsNamed(['postgres']),
    redis: () => pidsNamed(['redis-server']),
  };
  const cpu = cpuMeter(groups);
  const calls = syscallMeter(groups);
  let cpuMsByProcess: Record<string, number> = {};
  let callsByProcess: Record<string, [number, number]> = {};
  try {
    const result = await runLoad({
      ...loadOptions(args, url, log),
      onPhase: (phase) => {
        if (phase === 'sending') {
          cpu.start();
          calls.start();
        } else {
          cpuMsByProcess = cpu.stop();
          callsByProcess = calls.stop();
        }
      },
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
      // Read and write system calls per answered message, by process group (/proc/PID/io).
      syscalls_per_msg:
        stack && summary.replied
          ? Object.fromEntries(Object.entries(callsByProcess).map(([name, [r, w]]) => [name, { read: round2(r / summary.replied), write: round2(w / summary.replied) }]))
          : null,
    };
  } finally {
    clearInterval(sampler);
    await stack?.stop();
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

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
