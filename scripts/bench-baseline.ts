// `pnpm bench:baseline`: the same load generator and arguments as bench:load, against a bare
// Socket.IO echo server started in this run, so platform throughput can be quoted as a ratio.
import { LoadArgs, parseArgs } from './bench/args';
import { runBaselineBench } from './bench/baseline-run';

const args = parseArgs(LoadArgs);
console.log(JSON.stringify(await runBaselineBench(args, (s) => console.error(`[baseline] ${s}`))));
