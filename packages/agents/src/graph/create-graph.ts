import { END, START, StateGraph } from '@langchain/langgraph';
import { generalAgent } from '../specialists/general';
import { logisticsAgent } from '../specialists/logistics';
import { marketingAgent } from '../specialists/marketing';
import { salesAgent } from '../specialists/sales';
import { supportAgent } from '../specialists/support';
import { escalationNode } from './escalation';
import { clarifyNode, makeOrchestrator, sentimentNode } from './orchestrator';
import { TurnState, type TurnStateT, type TurnUpdate } from './state';
import type { GraphDeps, Specialist, SpecialistContext, SpecialistResult, TurnInput, TurnOutput } from './types';

export type { GraphDeps, TurnInput, TurnOutput, Memory } from './types';
export { emptyMemory } from './types';

const SPECIALISTS: Record<Specialist, (ctx: SpecialistContext) => Promise<SpecialistResult>> = {
  sales: salesAgent,
  marketing: marketingAgent,
  support: supportAgent,
  logistics: logisticsAgent,
  general: generalAgent,
};

/** Agent-to-agent handoffs allowed in one turn (DESIGN §7). */
export const MAX_HANDOFFS = 2;

const makeSpecialistNode = (deps: GraphDeps) => async (state: TurnStateT): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const agent = state.agent;
  const result = await SPECIALISTS[agent]({
    deps,
    input: state.input,
    entities: state.entities,
    memory: state.memory,
    route: state.route,
    domain: state.route.domain,
  });
  const update: TurnUpdate = {
    memory: { ...result.memory, lastAgent: agent },
    timings: { [`${agent}_ms`]: performance.now() - t0 },
  };
  if (result.handoffTo && result.handoffTo !== agent && state.handoffs.length < MAX_HANDOFFS) {
    return { ...update, agent: result.handoffTo, handoffs: [{ from: agent, to: result.handoffTo, reason: result.handoffReason ?? 'cross-domain question' }] };
  }
  // A handoff refused by the per-turn bound leaves no draft: say so rather than send an empty reply.
  const draft = result.draft || 'I could not pin that down. Could you tell me a little more about what you need?';
  return {
    ...update,
    draft,
    sources: result.sources ?? [],
    failed: !!result.failed || !result.draft,
    memory: { ...update.memory, failures: result.failed || !result.draft ? state.memory.failures + 1 : 0 },
    ...(result.escalation ? { escalation: result.escalation } : {}),
  };
};

const makeRespondNode = (deps: GraphDeps) => async (state: TurnStateT, cfg?: { signal?: AbortSignal; configurable?: { onDelta?: (d: string) => void } }): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const reply = await deps.model.respond({
    agent: state.agent,
    question: state.input.text,
    draft: state.draft ?? '',
    history: state.input.history,
    signal: cfg?.signal,
    onDelta: cfg?.configurable?.onDelta,
  });
  return { reply, timings: { respond_ms: performance.now() - t0 } };
};

/** sentiment → orchestrator → {specialist ↺ (≤2 handoffs) | clarify} → escalation → respond. */
export function createSupportGraph(deps: GraphDeps) {
  const graph = new StateGraph(TurnState)
    .addNode('read_sentiment', sentimentNode)
    .addNode('orchestrator', makeOrchestrator(deps))
    .addNode('clarify', clarifyNode)
    .addNode('specialist', makeSpecialistNode(deps))
    .addNode('check_escalation', escalationNode)
    .addNode('respond', makeRespondNode(deps))
    .addEdge(START, 'read_sentiment')
    .addEdge('read_sentiment', 'orchestrator')
    .addConditionalEdges('orchestrator', (s: TurnStateT) => (s.escalation ? 'check_escalation' : s.clarifying ? 'clarify' : 'specialist'), ['check_escalation', 'clarify', 'specialist'])
    .addConditionalEdges('specialist', (s: TurnStateT) => (s.draft === undefined ? 'specialist' : 'check_escalation'), ['specialist', 'check_escalation'])
    .addEdge('clarify', END)
    .addEdge('check_escalation', 'respond')
    .addEdge('respond', END);
  return graph.compile();
}

export type SupportGraph = ReturnType<typeof createSupportGraph>;

export async function runTurn(
  graph: SupportGraph,
  input: TurnInput,
  opts: { signal?: AbortSignal; onDelta?: (d: string) => void } = {},
): Promise<TurnOutput> {
  const s = (await graph.invoke(
    { input, memory: input.memory },
    { signal: opts.signal, configurable: { onDelta: opts.onDelta } },
  )) as TurnStateT;
  return {
    reply: s.reply ?? s.draft ?? '',
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
  };
}
