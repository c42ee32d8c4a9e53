import { ChatOpenAI } from '@langchain/openai';
import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { Domain, type Route } from '@em/contracts/schemas';
import { createBreaker, type Breaker } from './breaker';
import { ungroundedReason } from './grounding';
import { costUsd } from './pricing';
import { ANALYZE_SYSTEM, RESPOND_SYSTEM, ROUTER_SYSTEM, conversationBlock, customerBlock, withAgent, withLanguage } from './prompts';
import { Analysis, type ActResult, type CallMeta, type Metered, type ModelPort } from './port';
import { runToolLoop } from './tool-loop';

export interface OpenAIModelOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (vLLM, Ollama, LM Studio, Azure proxy…); default api.openai.com. */
  baseURL?: string;
  model: string;
  /** A cheaper model for routing and P1 analysis; defaults to `model`. */
  routerModel?: string;
  /** Per call, including retries (ms). */
  timeoutMs: number;
  /** Answers whenever the network model fails, times out or returns something unusable. */
  fallback: ModelPort;
  onFallback?: (op: ModelOp, err: unknown) => void;
  /**
   * How structured output is requested: a forced tool call (default; the form most compatible
   * servers support) or `response_format: json_schema` (OpenAI and servers with guided decoding).
   */
  structuredMethod?: 'functionCalling' | 'jsonSchema';
  /** Shared by the three calls; default: open after 2 consecutive failures for 30 s. */
  breaker?: Breaker;
  /**
   * Tool steps per answer when the model may call the typed tools itself (`act`); 0 or absent: it
   * only rephrases the grounded draft (`respond`).
   */
  toolSteps?: number;
}

export type ModelOp = 'route' | 'analyze' | 'respond' | 'act';

const RouteOutput = z.object({
  domain: Domain,
  confidence: z.number().min(0).max(1),
  intent: z.string().max(60),
});

type Usage = { input_tokens?: number; output_tokens?: number } | undefined;

/**
 * OpenAI-compatible provider behind the model port (DESIGN §7): structured output (tool calling,
 * the most widely supported form among compatible servers) for routing and P1, streaming for P2,
 * a timeout per call, and the offline model whenever anything goes wrong — except an abort from
 * the caller (job deadline), which propagates so the turn stops.
 */
export function createOpenAIModel(opts: OpenAIModelOptions): ModelPort {
  const make = (model: string) =>
    new ChatOpenAI({
      model,
      apiKey: opts.apiKey,
      configuration: opts.baseURL ? { baseURL: opts.baseURL } : undefined,
      temperature: 0,
      timeout: opts.timeoutMs,
      maxRetries: 1,
      streamUsage: true,
    });
  const chat = make(opts.model);
  const routerModelName = opts.routerModel ?? opts.model;
  const router = make(routerModelName);
  const method = opts.structuredMethod ?? 'functionCalling';
  const routeLlm = router.withStructuredOutput(RouteOutput, { name: 'route_message', method, includeRaw: true });
  const analyzeLlm = router.withStructuredOutput(Analysis, { name: 'analyze_message', method, includeRaw: true });

  const meta = (model: string, usage: Usage): CallMeta => {
    if (!usage) return { provider: 'openai' };
    const tokens = { prompt: usage.input_tokens ?? 0, completion: usage.output_tokens ?? 0 };
    const cost = costUsd(model, tokens);
    return { provider: 'openai', tokens, ...(cost !== undefined ? { costUsd: cost } : {}) };
  };

  const breaker = opts.breaker ?? createBreaker();

  async function guarded<T>(op: ModelOp, signal: AbortSignal | undefined, call: (s: AbortSignal) => Promise<Metered<T>>, fallback: () => Promise<Metered<T>>): Promise<Metered<T>> {
    const offline = async () => {
      const r = await fallback();
      return { value: r.value, meta: { ...r.meta, fellBack: true } };
    };
    if (!breaker.allow()) return offline();
    // Our own bound covers the client's retries too; the caller's signal (job deadline) wins.
    const s = signal ? AbortSignal.any([signal, AbortSignal.timeout(opts.timeoutMs)]) : AbortSignal.timeout(opts.timeoutMs);
    try {
      const r = await call(s);
      breaker.success();
      return r;
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? err;
      breaker.failure();
      opts.onFallback?.(op, err);
      return offline();
    }
  }

  const toolSteps = Math.max(0, Math.floor(opts.toolSteps ?? 0));
  const act: ModelPort['act'] = (req) =>
    guarded<ActResult | null>('act', req.signal, async (signal) => {
      const steps = Math.min(req.maxSteps ?? toolSteps, toolSteps);
      const r = await runToolLoop(chat, req, steps, signal);
      const m: CallMeta = { ...meta(opts.model, r.usage.input_tokens || r.usage.output_tokens ? r.usage : undefined), toolCalls: r.toolCalls.length };
      // Facts the model fetched itself may be named; the draft's facts must all stay; anything else
      // (an invented order/tracking number or email, prompt text, no answer within the bound) → the draft.
      const problem = r.outcome === 'step_limit' ? `no answer after ${steps} tool steps` : ungroundedReason(r.reply, req.draft, req.text, r.fetched.join('\n'));
      if (problem) {
        opts.onFallback?.('act', new Error(problem));
        return { value: { reply: req.draft, toolCalls: r.toolCalls }, meta: { ...m, fellBack: true } };
      }
      r.flush();
      return { value: { reply: r.reply, toolCalls: r.toolCalls }, meta: m };
    }, async () => ({ value: { reply: req.draft, toolCalls: [] }, meta: { provider: 'offline' } }));

  return {
    name: 'openai',
    ...(toolSteps > 0 ? { act } : {}),
    route(req) {
      return guarded<Route>('route', req.signal, async (signal) => {
        const messages: BaseMessage[] = [new SystemMessage(ROUTER_SYSTEM), new HumanMessage(`${conversationBlock(req.history)}${customerBlock(req.text)}`)];
        const out = await routeLlm.invoke(messages, { signal });
        const parsed = RouteOutput.parse(out.parsed);
        return { value: { domain: parsed.domain, confidence: parsed.confidence, intent: parsed.intent }, meta: meta(routerModelName, (out.raw as AIMessageChunk).usage_metadata) };
      }, () => opts.fallback.route(req));
    },
    analyze(req) {
      return guarded<Analysis | null>('analyze', req.signal, async (signal) => {
        const messages = [new SystemMessage(withAgent(ANALYZE_SYSTEM, req.agent)), new HumanMessage(`${conversationBlock(req.history)}${customerBlock(req.text)}`)];
        const out = await analyzeLlm.invoke(messages, { signal });
        return { value: Analysis.parse(out.parsed), meta: meta(routerModelName, (out.raw as AIMessageChunk).usage_metadata) };
      }, () => opts.fallback.analyze(req));
    },
    respond(req) {
      return guarded<string>('respond', req.signal, async (signal) => {
        const messages = [
          new SystemMessage(withLanguage(withAgent(RESPOND_SYSTEM, req.agent), req.language)),
          new HumanMessage(`<facts>\n${req.draft}\n</facts>\n${conversationBlock(req.history)}${customerBlock(req.question)}`),
        ];
        let text = '';
        let usage: Usage;
        for await (const chunk of await chat.stream(messages, { signal })) {
          const delta = typeof chunk.content === 'string' ? chunk.content : '';
          if (delta) {
            text += delta;
            req.onDelta?.(delta);
          }
          if (chunk.usage_metadata) usage = chunk.usage_metadata;
        }
        // The streamed text is provisional: the whole message (message:new) is what stays, and it
        // falls back to the grounded draft when the rephrasing lost or invented a fact.
        const problem = ungroundedReason(text, req.draft, req.question);
        if (problem) return { value: req.draft, meta: { ...meta(opts.model, usage), fellBack: true } };
        return { value: text.trim(), meta: meta(opts.model, usage) };
      }, () => opts.fallback.respond({ ...req, onDelta: undefined }));
    },
  };
}
