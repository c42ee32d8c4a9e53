import type { Route } from '@em/contracts/schemas';
import { z } from 'zod';
import type { Lang } from '../i18n/languages';

export type ProviderName = 'offline' | 'openai';
export type ChatLine = { role: string; text: string };

/** What one model call cost and who answered it (a failed network call answered by offline sets `fellBack`). */
export interface CallMeta {
  provider: ProviderName;
  tokens?: { prompt: number; completion: number };
  /** Estimated from list prices when the model is known. */
  costUsd?: number;
  fellBack?: boolean;
  /** Tools the network model called in this call (tool loop only). */
  toolCalls?: number;
}

export interface Metered<T> {
  value: T;
  meta: CallMeta;
}

export interface RouteRequest {
  text: string;
  history: ChatLine[];
  signal?: AbortSignal;
}

export const PRODUCT_CATEGORIES = ['laptops', 'phones', 'tvs', 'audio', 'cameras', 'smart-home', 'tablets', 'wearables', 'gaming', 'accessories'] as const;

/**
 * P1 "analyse" output of a network model. Deliberately holds only public, catalog-bound hints:
 * order numbers, emails and ticket numbers are read from the customer's own text by regex, never
 * taken from model output, so an injected instruction cannot widen what the tools may read.
 */
export const Analysis = z.object({
  productNames: z.array(z.string().max(80)).max(5).describe('product names the customer refers to, resolving "it"/"the other one" from the conversation'),
  category: z.enum(PRODUCT_CATEGORIES).nullable().describe('product category asked about, or null'),
  minPriceUsd: z.number().min(0).nullable(),
  maxPriceUsd: z.number().min(0).nullable(),
});
export type Analysis = z.infer<typeof Analysis>;

export interface AnalyzeRequest {
  agent: string;
  text: string;
  history: ChatLine[];
  signal?: AbortSignal;
}

export interface RespondRequest {
  agent: string;
  question: string;
  /** Grounded draft built from DB rows and KB passages. */
  draft: string;
  history: ChatLine[];
  /** The conversation's language: the reply is written in it (the draft already is). */
  language?: Lang;
  signal?: AbortSignal;
  onDelta?: (delta: string) => void;
}

/** An OpenAI-style function definition (JSON Schema from a tool's zod input). */
export interface ToolSchema {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** A tool run through the session's scope: bad arguments come back as `ok: false`, never as a throw. */
export type ToolOutcome = { ok: true; result: unknown } | { ok: false; error: string };

export interface ActRequest {
  agent: string;
  text: string;
  history: ChatLine[];
  /** The offline planner's grounded draft for this question: what the answer may never lose. */
  draft: string;
  /** The conversation's language: the reply is written in it. */
  language?: Lang;
  tools: ToolSchema[];
  /** Already bound to the session scope (verified customer, proven orders); the model never picks it. */
  runTool: (name: string, args: unknown) => Promise<ToolOutcome>;
  /** Tool steps allowed (model turns that call tools); capped by the provider's own bound. */
  maxSteps?: number;
  signal?: AbortSignal;
  onDelta?: (delta: string) => void;
}

export interface ActResult {
  reply: string;
  toolCalls: Array<{ name: string; args: unknown; ok: boolean }>;
  sources?: string[];
}

/**
 * The one port both providers sit behind (DESIGN §7). The offline provider routes with the trained
 * classifier and answers with the grounded draft; a network provider routes and analyses with
 * structured output, rephrases the draft while streaming, and falls back to offline on error.
 */
export interface ModelPort {
  readonly name: ProviderName;
  route(req: RouteRequest): Promise<Metered<Route>>;
  /** P1 for a specialist: null when the provider adds nothing to the regex entities (offline). */
  analyze(req: AnalyzeRequest): Promise<Metered<Analysis | null>>;
  respond(req: RespondRequest): Promise<Metered<string>>;
  /**
   * Answers with the model's own tool calls (a bounded loop over the same typed tools), kept to
   * the grounded draft's facts. Absent or null: the provider only rephrases (`respond`); offline,
   * the specialists already are the planner.
   */
  act?(req: ActRequest): Promise<Metered<ActResult | null>>;
}
