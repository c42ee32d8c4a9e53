// `pnpm bench:load --connections N --rate MSGS_PER_S --duration S [--url URL]` (DESIGN §2).
// Without --url it starts its own gateway + workers on a fresh database. Last line: one JSON object.
import { LoadArgs, loadOptions, parseArgs } from './bench/args';
import { runLoad } from './bench/load-generator';
import { startBenchStack } from './bench/stack';
import { rssMb } from './lib/processes';

const args = parseArgs(LoadArgs);
const log = (s: string) => console.error(`[bench] ${s}`);

const stack = args.url ? null : await startBenchStack({ workers: args.workers, log });
const url = args.url ?? stack!.url;
let peakGateway = 0;
let peakWorkers = 0;
// Peak RSS, sampled every 500 ms while the load runs.
const sampler = setInterval(() => {
  peakGateway = Math.max(peakGateway, rssMb(stack?.gateway.pid) ?? 0);
  peakWorkers = Math.max(peakWorkers, (stack?.workers ?? []).reduce((sum, w) => sum + (rssMb(w.pid) ?? 0), 0));
}, 500);
try {
  const result = await runLoad(loadOptions(args, url, log));
  clearInterval(sampler);
  const { refused, ...summary } = result;
  if (Object.keys(refused).length) log(`refused: ${JSON.stringify(refused)}`);
  console.log(
    JSON.stringify({
      ...summary,
      gateway_rss_mb: stack ? peakGateway : await gatewayRssFromMetrics(url),
      worker_rss_mb: stack ? peakWorkers : null,
    }),
  );
} finally {
  clearInterval(sampler);
  await stack?.stop();
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
