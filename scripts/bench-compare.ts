// `pnpm bench:compare [--connections N --rate R --duration S]` (DESIGN §10): the platform and the bare
// Socket.IO baseline, one after the other with the same generator and arguments. Last line:
// {"platform": {...}, "baseline": {...}, "ratio": x}, ratio = platform throughput / baseline throughput.
import { LoadArgs, parseArgs } from './bench/args';
import { runBaselineBench } from './bench/baseline-run';
import { runPlatformBench } from './bench/platform-run';

const args = parseArgs(LoadArgs);
const platform = await runPlatformBench(args, (s) => console.error(`[platform] ${s}`));
const baseline = await runBaselineBench(args, (s) => console.error(`[baseline] ${s}`));
const ratio = baseline.throughput_per_s ? Math.round((platform.throughput_per_s / baseline.throughput_per_s) * 1000) / 1000 : null;
console.log(JSON.stringify({ platform, baseline, ratio }));
