import { defineConfig } from 'vitest/config';

/**
 * Suites that run real gateway/worker processes and stop or restart Redis, Postgres, a gateway or a
 * worker. They run one file at a time (VITEST_SET=serial, also `pnpm test:faults`): sharing 2 cores
 * with other suites would turn their deadlines into load tests. `pnpm test` runs both sets.
 */
export const SERIAL_SUITES = [
  'tests/faults/**/*.test.ts',
  'tests/cluster/**/*.test.ts',
  'tests/worker/{crash,ordering,redis-restart}.int.test.ts',
  'tests/gateway/{multi-node,ready-redis-restart}.int.test.ts',
  'tests/security/secrets-in-logs.int.test.ts',
];
const ALL = ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'];
const set = process.env.VITEST_SET;

export default defineConfig({
  test: {
    include: set === 'serial' ? SERIAL_SUITES : ALL,
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**', 'apps/web/**', ...(set === 'parallel' ? SERIAL_SUITES : [])],
    // Integration suites each create their own database and key prefix, but share 2 cores.
    fileParallelism: set !== 'serial',
    maxWorkers: set === 'serial' ? 1 : 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
