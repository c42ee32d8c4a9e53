// `pnpm test`: build (the e2e suite runs the built processes), unit + integration tests with
// Vitest against the machine's real Redis and Postgres, then Playwright in Chromium.
// Prints one closing line "N passed, N failed" summing both runners.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BUILD_ARGS, repoRoot } from './lib/services';
import { childEnv } from './lib/env';

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: childEnv({ TURBO_TELEMETRY_DISABLED: '1', ...env }) }).status ?? 1;

// The walls first (eslint.config.mjs: imports, process.env; then import cycles), then the build.
if (run('pnpm', ['eslint', '.']) !== 0 || run('pnpm', ['tsx', 'scripts/check-cycles.ts']) !== 0 || run('pnpm', BUILD_ARGS) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const report = (name: string) => path.join(repoRoot, '.reports', name);
const pwJson = report('playwright.json');
rmSync(path.join(repoRoot, '.reports'), { recursive: true, force: true });
// Two Vitest passes (see vitest.config.ts): suites in parallel, then the process/fault suites one by one.
const vitestRun = (set: 'parallel' | 'serial') =>
  run('pnpm', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report(`vitest-${set}.json`)}`], { VITEST_SET: set });
const vitestParallel = vitestRun('parallel');
const vitestSerial = vitestRun('serial');
const vitest = vitestParallel || vitestSerial;
const pw = run('pnpm', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });

function counts(file: string, pick: (j: any) => { passed: number; failed: number }) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
}
const vitestCounts = (set: string) => counts(report(`vitest-${set}.json`), (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const [vp, vs] = [vitestCounts('parallel'), vitestCounts('serial')];
const v = { passed: vp.passed + vs.passed, failed: vp.failed + vs.failed };
const p = counts(pwJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + (j.stats.flaky ?? 0) * 0 }));
const failed = v.failed + p.failed + (vitest !== 0 && v.failed === 0 ? 1 : 0) + (pw !== 0 && p.failed === 0 ? 1 : 0);
console.log(`\nvitest: ${v.passed} passed, ${v.failed} failed; playwright: ${p.passed} passed, ${p.failed} failed`);
console.log(`${v.passed + p.passed} passed, ${failed} failed`);
process.exit(vitest || pw ? 1 : 0);
