import { defineConfig } from 'vitest/config';
import { z } from 'zod';
import { parseEnv } from './scripts/lib/env.ts';

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
/** VITEST_SET=parallel|serial picks one of the two passes of `pnpm test`; unset: every suite. */
const set = parseEnv(z.object({ VITEST_SET: z.enum(['parallel', 'serial']).optional() })).VITEST_SET;

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
