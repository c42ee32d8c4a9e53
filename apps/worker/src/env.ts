import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { commonEnv } from '@em/config/env';

// Bundled to apps/worker/dist/main.js: the repo root is three levels up.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const Env = z.object({
  ...commonEnv,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  KB_DIR: z.string().default(path.join(repoRoot, 'knowledge-base')),
  ROUTER_MODEL_PATH: z.string().default(path.join(repoRoot, 'packages/agents/generated/router-model.json')),
  LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_ROUTER_MODEL: z.string().optional(),
  /** Per-job deadline (ms): guidance 30 s with a network model; the offline model needs far less. */
  JOB_DEADLINE_MS: z.coerce.number().int().min(100).default(30_000),
});
export type WorkerEnv = z.infer<typeof Env>;

export const readEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv => Env.parse(source);
