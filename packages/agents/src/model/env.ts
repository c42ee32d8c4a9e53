import { z } from 'zod';
import type { IntentRouter } from '../router/router';
import { createModel, type ModelConfig } from './create-model';
import type { ModelPort } from './port';

/**
 * The model provider's environment variables, one definition for every process that builds the
 * model (the worker's env.ts spreads it; the eval scripts parse it), so the defaults cannot drift.
 */
export const llmEnv = {
  LLM_PROVIDER: z.enum(['offline', 'openai']).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_ROUTER_MODEL: z.string().optional(),
  /** Per network-model call incl. retries (ms); on timeout the offline model answers instead. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Tool steps the network model may take per answer (its own read-only tool calls); 0: it only rephrases the grounded draft. */
  LLM_TOOL_STEPS: z.coerce.number().int().min(0).max(8).default(4),
};
export const LlmEnv = z.object(llmEnv);
export type LlmEnv = z.infer<typeof LlmEnv>;

/** The configured provider (offline unless a network model is configured), from parsed env. */
export function createModelFromEnv(router: IntentRouter, env: LlmEnv, onFallback?: ModelConfig['onFallback']): ModelPort {
  return createModel(router, {
    provider: env.LLM_PROVIDER,
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.LLM_MODEL,
    routerModel: env.LLM_ROUTER_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    toolSteps: env.LLM_TOOL_STEPS,
    ...(onFallback ? { onFallback } : {}),
  });
}
