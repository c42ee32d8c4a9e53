// `pnpm tsx scripts/check-cycles.ts` (run by `pnpm test` after ESLint): fails on any import cycle between modules
// of the apps, packages, scripts and tests (scripts/lib/cycles.ts says how they are found).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findCycles, importGraph, sourceFiles } from './lib/cycles';

const root = path.resolve(import.meta.dirname, '..');
const workspaceSrc = ['apps', 'packages'].flatMap((top) =>
  readdirSync(path.join(root, top)).flatMap((name) => ['src', 'embed'].map((d) => path.join(root, top, name, d))),
);
const dirs = [...workspaceSrc, ...['scripts', 'tests', 'e2e'].map((d) => path.join(root, d))].filter((d) => existsSync(d));

const t0 = performance.now();
const files = sourceFiles(dirs);
const cycles = findCycles(importGraph(files));
const ms = Math.round(performance.now() - t0);
for (const c of cycles) console.error(`import cycle: ${c.map((f) => path.relative(root, f)).join(' <-> ')}`);
console.log(`${files.length} modules, ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} (${ms} ms)`);
process.exit(cycles.length ? 1 : 0);
