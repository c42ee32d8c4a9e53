// The one reader of process.env for scripts and tests (apps read theirs in their own src/env.ts).
import { z } from 'zod';

const Env = z.object({
  /** FAULT_LOGS=1: fault tests show the gateway's and worker's own logs. */
  FAULT_LOGS: z.string().optional(),
  /** SHOW_LOGS=1: the secrets-in-logs test prints what it grepped. */
  SHOW_LOGS: z.string().optional(),
  /** Write V8 CPU profiles of benchmarked processes here (docs/benchmarks.md). */
  BENCH_PROFILE_DIR: z.string().optional(),
  /** BENCH_KEEP_DB=1: bench:load keeps its database (and logs its name) to look up unanswered messages. */
  BENCH_KEEP_DB: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  /** For the CLIs that work on one database (migrate, seed:history, bench:analytics). */
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** `pnpm test:mutation`: which groups of stryker.groups.mjs run (comma-separated; unset: all). */
  MUTATION_SCOPE: z.string().optional(),
  /** Extra shops for `pnpm start` (gateway format); when set, the embedding demo's own shop is not added. */
  SITES_JSON: z.string().optional(),
});
export const scriptEnv = Env.parse(process.env);

/** A script's own zod schema over the environment (e.g. `pnpm start`'s ports). */
export const parseEnv = <S extends z.ZodType>(schema: S): z.output<S> => schema.parse(process.env);

/**
 * The environment for a spawned gateway, worker or web process: this process's own (PATH, HOME, …)
 * plus the service configuration, so each child is configured only by env (DESIGN §2).
 */
export const childEnv = (overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...overrides });
