// One bench:baseline run: the same generator and arguments against a bare Socket.IO echo server,
// so the platform's throughput can be quoted as a ratio. Shared by bench:baseline and bench:compare.
import { cpuMeter } from '../lib/cpu';
import { childEnv } from '../lib/env';
import { rssMb, spawnService, stopChild } from '../lib/processes';
import { loadOptions, type LoadArgs } from './args';
import { runLoad } from './load-generator';

export async function runBaselineBench(args: LoadArgs, log: (s: string) => void) {
  let echoUrl = '';
  const echo = spawnService('echo', ['--import', 'tsx', 'scripts/bench/echo-server-main.ts'], childEnv(), {
    log: (line) => {
      const m = /ECHO_URL=(\S+)/.exec(line);
      if (m) echoUrl = m[1]!;
      else log(line);
    },
  });
  for (let i = 0; i < 100 && !echoUrl; i++) await new Promise((r) => setTimeout(r, 100));
  if (!echoUrl) {
    await stopChild(echo);
    throw new Error('echo server did not start');
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(echo.pid) ?? 0)), 500);
  const cpu = cpuMeter({ server: () => [echo.pid!] });
  let cpuMs: Record<string, number> = {};
  try {
    const { refused, ...result } = await runLoad({
      ...loadOptions(args, echoUrl, log),
      onPhase: (phase) => (phase === 'sending' ? cpu.start() : (cpuMs = cpu.stop())),
    });
    if (Object.keys(refused).length) log(`refused: ${JSON.stringify(refused)}`);
    const total = Object.values(cpuMs).reduce((a, b) => a + b, 0);
    return {
      ...result,
      server: 'socket.io-echo',
      gateway_rss_mb: peak,
      worker_rss_mb: null,
      cpu_ms_per_msg: result.replied ? Math.round((total / result.replied) * 100) / 100 : null,
      cpu_ms: cpuMs,
    };
  } finally {
    clearInterval(sampler);
    await stopChild(echo);
  }
}
