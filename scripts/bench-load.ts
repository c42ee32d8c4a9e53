// `pnpm bench:load --connections N --rate MSGS_PER_S --duration S [--url URL] [--workers N]` (DESIGN §2, §10).
// Without --url it starts its own gateway + workers on a fresh database. Last line: one JSON object,
// with cpu_ms_per_msg summed over gateway, workers, Postgres and Redis during the sending window.
import { LoadArgs, parseArgs } from './bench/args';
import { runPlatformBench } from './bench/platform-run';

const args = parseArgs(LoadArgs);
console.log(JSON.stringify(await runPlatformBench(args, (s) => console.error(`[bench] ${s}`))));
