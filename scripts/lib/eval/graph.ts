// The one place the eval builds the support graph, with the same dependencies as
// apps/worker/src/main.ts (db, KB from knowledge-base/, the trained router, the configured model,
// the catalog). When the worker's dependency list changes, change it here too.
import path from 'node:path';
import type { Db } from '@em/db/client';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph, type SupportGraph } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import { createModelFromEnv, LlmEnv } from '@em/agents/model';
import { parseEnv } from '../env';
import { repoRoot } from '../services';

// The worker's model variables and defaults (LlmEnv), so `LLM_PROVIDER=openai pnpm eval:conversations`
// grades the network model; unset, the offline model answers (the default).
export const KB_DIR = path.join(repoRoot, 'knowledge-base');
export const AGENTS_SRC = path.join(repoRoot, 'packages/agents/src');
export const ROUTER_MODEL_PATH = path.join(repoRoot, 'packages/agents/generated/router-model.json');

export async function buildEvalGraph(db: Db): Promise<SupportGraph> {
  const env = parseEnv(LlmEnv);
  const ai = loadAiResources({ kbDir: KB_DIR, routerModelPath: ROUTER_MODEL_PATH });
  const catalog = await listProducts(db, 1000);
  const model = createModelFromEnv(ai.router, env);
  return createSupportGraph({ db, ...ai, model, catalog });
}
