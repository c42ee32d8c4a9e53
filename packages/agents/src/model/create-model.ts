import type { IntentRouter } from '../router/router';
import { createBreaker } from './breaker';
import { createOfflineModel } from './offline';
import { createOpenAIModel, type ModelOp } from './openai';
import type { ModelPort } from './port';

export interface ModelConfig {
  provider?: 'offline' | 'openai';
  apiKey?: string;
  baseURL?: string;
  model: string;
  routerModel?: string;
  /** Per network call (ms); default 10 s so two calls and a reply fit the 30 s job deadline. */
  timeoutMs?: number;
  onFallback?: (op: ModelOp, err: unknown) => void;
  structuredMethod?: 'functionCalling' | 'jsonSchema';
  /** Consecutive failures before answering offline for a while, and for how long (ms). */
  breaker?: { threshold?: number; cooldownMs?: number };
  /** Tool steps the network model may take per answer (its own tool calls); 0/absent: rephrase only. */
  toolSteps?: number;
}

/**
 * Picks the provider from configuration: `openai` when asked for (or when a key is present and
 * nothing was asked), offline otherwise (DESIGN §2: with no LLM key, the offline model serves).
 */
export function createModel(router: IntentRouter, cfg: ModelConfig): ModelPort {
  const offline = createOfflineModel(router);
  const wantOpenAI = cfg.provider === 'openai' || (cfg.provider === undefined && !!cfg.apiKey);
  if (!wantOpenAI) return offline;
  // Local OpenAI-compatible servers often need no key; the client insists on a non-empty one.
  const apiKey = cfg.apiKey ?? (cfg.baseURL ? 'not-needed' : undefined);
  if (!apiKey) throw new Error('LLM_PROVIDER=openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
  return createOpenAIModel({
    apiKey,
    baseURL: cfg.baseURL,
    model: cfg.model,
    routerModel: cfg.routerModel,
    timeoutMs: cfg.timeoutMs ?? 10_000,
    fallback: offline,
    onFallback: cfg.onFallback,
    structuredMethod: cfg.structuredMethod,
    breaker: createBreaker(cfg.breaker),
    toolSteps: cfg.toolSteps,
  });
}
