import { END, START, StateGraph } from '@langchain/langgraph/web';
import { actWithTools } from './act-node';
import { decideEscalation, makeEscalationNode } from './escalation';
import { makeClarifyNode, makeOrchestrator, sentimentNode } from './orchestrator';
import { makeSpecialistNode } from './specialist-node';
import { parseMemory } from './memory';
import { catalogTermsLoader } from '../tools/catalog';
import { TurnState, type TurnStateT, type TurnUpdate } from './state';
import type { GraphDeps, TurnInput, TurnOutput, TurnUsage } from './types';
import { makeLanguageNode, makeLocalizedNode } from './language-node';
import { acknowledgeAttachments } from './attachments-ack';
import { inOneStep, onlyIf } from './one-step';

export type { GraphDeps, TurnInput, TurnOutput, TurnUsage, Memory } from './types';
export { emptyMemory } from './types';
export { MemorySchema, parseMemory } from './memory';
export { MAX_HANDOFFS } from './specialist-node';
export type { TurnAttachment } from './attachments-ack';
export { installContextStorageForTracing, tracingEnv } from './context-storage';

type NodeConfig = { signal?: AbortSignal; configurable?: { onDelta?: (d: string) => void } };

const makeRespondNode = (deps: GraphDeps) => async (state: TurnStateT, cfg?: NodeConfig): Promise<TurnUpdate> => {
  const t0 = performance.now();
  // A network model with tools answers itself (bounded, grounded); a handover is worded by the escalation step.
  const acted = state.escalation || state.clarifying ? null : await actWithTools(deps, state, cfg?.signal, cfg?.configurable?.onDelta);
  if (acted) return { reply: acted.reply, calls: [acted.meta], sources: acted.sources, timings: { respond_ms: performance.now() - t0 } };
  const { value: reply, meta } = await deps.model.respond({
    agent: state.agent,
    question: state.input.text,
    draft: state.draft ?? '',
    history: state.input.history,
    language: state.language,
    signal: cfg?.signal,
    onDelta: cfg?.configurable?.onDelta,
  });
  return { reply, calls: [meta], timings: { respond_ms: performance.now() - t0 } };
};

/**
 * orchestrator (reads the message: language, sentiment; then routes) → {specialist ↺ (≤2 handoffs,
 * answers once it has a draft: the escalation check, then the reply) | clarify | answer}; a German,
 * Spanish or French conversation goes orchestrator → localized → answer. An English turn is one
 * superstep: steps with no decision between them share a node, and a step that follows a decision
 * runs inside the node that made it (one-step.ts), so the routed specialist answers inside the
 * orchestrator's step and only a handoff, a clarification, an escalation or another language takes
 * a further node. Each superstep costs LangGraph a checkpoint, task preparation and config merging
 * (≈ 0.4 ms here), more CPU than most steps themselves (issue 18).
 */
export function createSupportGraph(input: GraphDeps) {
  const deps: GraphDeps = { ...input, catalogTerms: input.catalogTerms ?? catalogTermsLoader(input.db) };
  const localized = (s: TurnStateT) => s.language !== 'en' && !!deps.i18n;
  const answer = inOneStep(makeEscalationNode(deps), makeRespondNode(deps));
  const drafted = (s: TurnStateT) => s.draft !== undefined;
  const specialist = inOneStep(makeSpecialistNode(deps), onlyIf(drafted, answer));
  // A complaint that needs a person is handed over even when the message itself was unclear.
  const afterRouting = (s: TurnStateT) =>
    localized(s) ? 'localized' : s.escalation ? 'answer' : s.clarifying ? (decideEscalation(s) ? 'answer' : 'clarify') : 'specialist';
  const graph = new StateGraph(TurnState)
    // The routed specialist's first answer runs in the orchestrator's superstep; a handoff continues
    // in the specialist node, and the edge below still decides every path from the state.
    .addNode(
      'orchestrator',
      inOneStep(makeLanguageNode(), sentimentNode, onlyIf((s) => !localized(s), makeOrchestrator(deps)), onlyIf((s) => afterRouting(s) === 'specialist', specialist)),
    )
    .addNode('localized', makeLocalizedNode(deps))
    .addNode('clarify', makeClarifyNode(deps))
    .addNode('specialist', specialist)
    .addNode('answer', answer)
    .addEdge(START, 'orchestrator')
    .addEdge('localized', 'answer')
    .addConditionalEdges(
      'orchestrator',
      // A reply means the specialist answered inside this step (only that path writes one here).
      (s: TurnStateT) => (s.reply !== undefined ? END : afterRouting(s)),
      ['localized', 'answer', 'clarify', 'specialist', END],
    )
    .addConditionalEdges('specialist', (s: TurnStateT) => (drafted(s) ? END : 'specialist'), ['specialist', END])
    .addEdge('clarify', END)
    .addEdge('answer', END);
  return graph.compile();
}

export type SupportGraph = ReturnType<typeof createSupportGraph>;

/** Sums the turn's model calls into what the worker records on the `ai_reply` event. */
export function summarizeUsage(calls: TurnStateT['calls']): TurnUsage {
  const answered = calls.filter((c) => c.provider === 'openai');
  const fallbacks = calls.filter((c) => c.fellBack).length;
  if (!answered.length) return { provider: 'offline', ...(fallbacks ? { providerFallbacks: fallbacks } : {}) };
  const tokens = answered.reduce((t, c) => ({ prompt: t.prompt + (c.tokens?.prompt ?? 0), completion: t.completion + (c.tokens?.completion ?? 0) }), { prompt: 0, completion: 0 });
  const priced = answered.filter((c) => c.costUsd !== undefined);
  return {
    provider: 'openai',
    tokens,
    ...(priced.length ? { costUsd: Number(priced.reduce((s, c) => s + c.costUsd!, 0).toFixed(8)) } : {}),
    ...(fallbacks ? { providerFallbacks: fallbacks } : {}),
  };
}

/**
 * Runs one customer turn. `signal` (the job deadline) aborts between nodes and inside model
 * calls; the promise then rejects with the abort reason and nothing is half-written.
 */
export async function runTurn(
  graph: SupportGraph,
  input: TurnInput,
  opts: { signal?: AbortSignal; onDelta?: (d: string) => void } = {},
): Promise<TurnOutput> {
  opts.signal?.throwIfAborted();
  // Memory comes back from Redis: parse it rather than trust it (a bad blob starts afresh).
  const memory = parseMemory(input.memory);
  const s = (await graph.invoke(
    { input: { ...input, memory }, memory },
    { signal: opts.signal, configurable: { onDelta: opts.onDelta } },
  )) as TurnStateT;
  opts.signal?.throwIfAborted();
  const answer = s.reply ?? s.draft ?? '';
  // Files with the message (issue 20): thanks first, in the reply's language; a file alone gets the
  // question of what to do with it instead of an answer to no words.
  const ack = input.attachments?.length ? acknowledgeAttachments(input.attachments, input.text, s.language ?? 'en') : null;
  return {
    reply: ack ? [ack.lead, s.escalation ? answer : (ack.ask ?? answer)].filter(Boolean).join(' ') : answer,
    agent: s.agent,
    route: s.route,
    sentiment: s.sentiment,
    entities: s.entities,
    sources: s.sources,
    handoffs: s.handoffs,
    escalation: s.escalation,
    clarifying: !!s.clarifying,
    memory: s.memory,
    timings: s.timings,
    usage: summarizeUsage(s.calls),
    fallback: !!s.failed,
    language: s.language ?? 'en',
    ...(s.detectedLanguage ? { detectedLanguage: s.detectedLanguage } : {}),
  };
}
