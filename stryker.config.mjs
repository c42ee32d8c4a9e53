// @ts-check
/**
 * Mutation testing of the modules that carry the product's guarantees (issue 16): `pnpm test:mutation`.
 * Too slow for CI (never in .ci/run or `pnpm test`); scoped so one run takes about 30 minutes on a
 * 2-core machine. Needs Redis and Postgres like `pnpm test`. Scores per module: docs/reliability.md.
 * What is mutated and which tests run for it: stryker.groups.mjs (MUTATION_SCOPE picks groups).
 */
import { fileURLToPath } from 'node:url';
import { GROUPS, selectedGroups } from './stryker.groups.mjs';
// TypeScript module: `pnpm test:mutation` runs Stryker under tsx so the env is read in one place.
import { scriptEnv } from './scripts/lib/env.ts';

const groups = selectedGroups(scriptEnv.MUTATION_SCOPE);
/** Reports per scope, so group runs side by side don't overwrite each other. */
const report = `.reports/mutation/${groups.join('+')}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  // pnpm keeps each package's dependencies private, so Stryker's own "@stryker-mutator/*" lookup (from
  // inside its store folder) finds no plugins: name them by their resolved paths from the repo root.
  plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'].map((p) => fileURLToPath(import.meta.resolve(p))),
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: groups.flatMap((g) => GROUPS[g].mutate),
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the regexes) would each re-run every test file.
  ignoreStatic: true,
  // 2 cores: two test processes (each suite has its own database and key prefix).
  concurrency: 2,
  // Integration tests wait on real I/O: a mutant that hangs a wait is a timeout (counted as killed).
  timeoutMS: 15_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${report}.html` },
  jsonReporter: { fileName: `${report}.json` },
  thresholds: { high: 95, low: 85, break: null },
  // Re-runs keep the results of mutants whose code and covering tests did not change (`--force` to redo all).
  incremental: true,
  incrementalFile: `${report}.incremental.json`,
  // The sandbox needs the trained router model and the knowledge base the tests load.
  ignorePatterns: ['.data', '.reports', 'test-results', 'playwright-report', 'apps/web/.next', 'e2e', '!packages/agents/generated/**'],
  tempDirName: '.reports/stryker-tmp',
  cleanTempDir: 'always',
};
