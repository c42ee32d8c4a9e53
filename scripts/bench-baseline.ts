// `pnpm bench:baseline`: the same load generator and arguments as bench:load, against a bare
// Socket.IO echo server started in this run, so platform throughput can be quoted as a ratio.
import { LoadArgs, loadOptions, parseArgs } from './bench/args';
import { runLoad } from './bench/load-generator';
import { rssMb, spawnService, stopChild } from './lib/processes';
import { childEnv } from './lib/env';

const args = parseArgs(LoadArgs);
const log = (s: string) => console.error(`[baseline] ${s}`);

let echoUrl = '';
const echo = spawnService('echo', ['--import', 'tsx', 'scripts/bench/echo-server-main.ts'], childEnv(), {
  log: (line) => {
    const m = /ECHO_URL=(\S+)/.exec(line);
    if (m) echoUrl = m[1]!;
    else log(line);
  },
});
for (let i = 0; i < 100 && !echoUrl; i++) await new Promise((r) => setTimeout(r, 100));
if (!echoUrl) throw new Error('echo server did not start');
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, rssMb(echo.pid) ?? 0)), 500);
try {
  const { refused, ...result } = await runLoad(loadOptions(args, echoUrl, log));
  if (Object.keys(refused).length) log(`refused: ${JSON.stringify(refused)}`);
  console.log(JSON.stringify({ ...result, server: 'socket.io-echo', gateway_rss_mb: peak, worker_rss_mb: null }));
} finally {
  clearInterval(sampler);
  await stopChild(echo);
}
