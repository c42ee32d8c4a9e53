// The one place the eval builds the support graph, with the same dependencies as
// apps/worker/src/main.ts (db, KB from knowledge-base/, the trained router, the configured model,
// the catalog). When the worker's dependency list changes, change it here too.
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '@em/db/client';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph, type SupportGraph } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import { createModel } from '@em/agents/model';
import { parseEnv } from '../env';
import { repoRoot } from '../services';

// Same variables and defaults as the worker's env.ts, so `LLM_PROVIDER=openai pnpm eval:conversations`
// grades the network model; unset, the offline model answers (the default).
const ModelEnv = z.object({
  LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_ROUTER_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  LLM_TOOL_STEPS: z.coerce.number().int().min(0).max(8).default(4),
});

export const KB_DIR = path.join(repoRoot, 'knowledge-base');
export const AGENTS_SRC = path.join(repoRoot, 'packages/agents/src');
export const ROUTER_MODEL_PATH = path.join(repoRoot, 'packages/agents/generated/router-model.json');

export async function buildEvalGraph(db: Db): Promise<SupportGraph> {
  const env = parseEnv(ModelEnv);
  const ai = loadAiResources({ kbDir: KB_DIR, routerModelPath: ROUTER_MODEL_PATH });
  const catalog = await listProducts(db, 1000);
  const model = createModel(ai.router, {
    provider: env.LLM_PROVIDER,
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.LLM_MODEL,
    routerModel: env.LLM_ROUTER_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    toolSteps: env.LLM_TOOL_STEPS,
  });
  return createSupportGraph({ db, ...ai, model, catalog });
}
