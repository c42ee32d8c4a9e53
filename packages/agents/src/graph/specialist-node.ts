import { generalAgent } from '../specialists/general';
import { logisticsAgent } from '../specialists/logistics';
import { marketingAgent } from '../specialists/marketing';
import { salesAgent } from '../specialists/sales';
import { supportAgent } from '../specialists/support';
import { extractEntities, matchProducts, type Entities } from '../nlu/entities';
import type { Analysis, CallMeta } from '../model/port';
import type { TurnStateT, TurnUpdate } from './state';
import type { GraphDeps, Specialist, SpecialistContext, SpecialistResult } from './types';

const SPECIALISTS: Record<Specialist, (ctx: SpecialistContext) => Promise<SpecialistResult>> = {
  sales: salesAgent,
  marketing: marketingAgent,
  support: supportAgent,
  logistics: logisticsAgent,
  general: generalAgent,
};

/** Agent-to-agent handoffs allowed in one turn (DESIGN §7). */
export const MAX_HANDOFFS = 2;

/**
 * Folds a network model's P1 hints into the regex entities. Only catalog-bound, public hints are
 * taken (names re-matched against the catalog, a category from a fixed list, a price range);
 * identifiers that unlock private data stay regex-only from the customer's own words.
 */
export function mergeAnalysis(entities: Entities, a: Analysis | null, catalog: GraphDeps['catalog']): Entities {
  if (!a) return entities;
  const named = a.productNames.flatMap((n) => matchProducts(n, catalog).slice(0, 1));
  const out: Entities = { ...entities, productSkus: [...new Set([...entities.productSkus, ...named])] };
  if (!out.category && a.category) out.category = a.category;
  if (out.minPriceCents === undefined && a.minPriceUsd !== null) out.minPriceCents = Math.round(a.minPriceUsd * 100);
  if (out.maxPriceCents === undefined && a.maxPriceUsd !== null) out.maxPriceCents = Math.round(a.maxPriceUsd * 100);
  return out;
}

const ASKS_ORDER_STATUS = /\b(where|status|track\w*|deliver\w*|arriv\w*|ship\w*|when)\b/i;
const ASKS_PRODUCT_FACTS = /\b(how much|price|cost|in stock|stock|availab\w*|specs?)\b/i;

/**
 * A turn that crosses domains ("how much is the Nimbus X5, and where is EM-10001?"): after a
 * specialist answered its part, the entities it does not own go to the specialist that does.
 */
export function nextForEntities(agent: Specialist, entities: Entities, text: string, visited: Set<string>, answeredProduct = false): { to: Specialist; reason: string } | undefined {
  const open = (s: Specialist) => s !== agent && !visited.has(s);
  if (entities.orderNumbers.length && ASKS_ORDER_STATUS.test(text) && open('logistics')) return { to: 'logistics', reason: 'order status question' };
  if (entities.promoCodes.length && open('marketing')) return { to: 'marketing', reason: 'promo code question' };
  // The promo answer already did the arithmetic on the product: no second product description.
  if (entities.productSkus.length && ASKS_PRODUCT_FACTS.test(text) && open('sales') && !answeredProduct) return { to: 'sales', reason: 'product question' };
  return undefined;
}

const kbTopic = (sources?: string[]) => sources?.find((s) => s.includes('.md#'));

type NodeConfig = { signal?: AbortSignal };

export const makeSpecialistNode = (deps: GraphDeps) => async (state: TurnStateT, cfg?: NodeConfig): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const agent = state.agent;
  const question = state.question ?? state.input.text;
  cfg?.signal?.throwIfAborted();
  // P1 analyse: regex entities from the orchestrator, plus the network model's hints (first visit only).
  let entities = state.entities;
  const calls: CallMeta[] = [];
  if (agent !== 'general' && state.handoffs.length === 0) {
    const a = await deps.model.analyze({ agent, text: question, history: state.input.history, signal: cfg?.signal });
    if (a.value || a.meta.fellBack) calls.push(a.meta);
    entities = mergeAnalysis(entities, a.value, deps.catalog);
  }
  // Tools (parameterised queries scoped to the verified customer, KB search) → grounded draft.
  const input = { ...state.input, text: question };
  const result = await SPECIALISTS[agent]({ deps, input, entities, memory: state.memory, route: state.route, domain: state.route.domain });
  const update: TurnUpdate = {
    entities,
    calls,
    memory: { ...result.memory, lastAgent: agent, ...(kbTopic(result.sources) ? { lastTopic: kbTopic(result.sources) } : {}) },
    timings: { [`${agent}_ms`]: performance.now() - t0 },
  };
  const visited = new Set(state.handoffs.flatMap((h) => [h.from, h.to]));
  const next = result.handoffTo
    ? { to: result.handoffTo, reason: result.handoffReason ?? 'cross-domain question' }
    : result.draft && !result.escalation
      ? nextForEntities(agent, entities, question, visited, !!result.sources?.some((x) => x.startsWith('product:')))
      : undefined;
  if (next && next.to !== agent && state.handoffs.length < MAX_HANDOFFS) {
    return {
      ...update,
      agent: next.to,
      handoffs: [{ from: agent, to: next.to, reason: next.reason }],
      ...(result.draft ? { parts: [result.draft], sources: result.sources ?? [] } : {}),
    };
  }
  // Another question of the same message waits: answer it next, the answers joined in one reply.
  const queued = state.queue ?? [];
  if (queued.length && !result.escalation && result.draft) {
    const [q, ...rest] = queued;
    return {
      ...update,
      agent: q!.agent,
      question: q!.text,
      queue: rest,
      entities: extractEntities(q!.text, deps.catalog),
      parts: [result.draft],
      sources: result.sources ?? [],
      ...(q!.agent !== agent ? { handoffs: [{ from: agent, to: q!.agent, reason: 'another question in the same message' }] } : {}),
    };
  }
  // A handoff refused by the per-turn bound leaves no draft: say so rather than send an empty reply.
  const own = result.draft || (state.parts.length ? '' : 'I could not pin that down. Could you tell me a little more about what you need?');
  // Two questions one article answers ("where do you ship? do you ship to Canada?"): say it once.
  const draft = [...new Set([...state.parts, own].filter(Boolean))].join('\n\n');
  const failed = !!result.failed || !draft;
  return {
    ...update,
    draft,
    sources: result.sources ?? [],
    failed,
    memory: { ...update.memory, failures: failed ? state.memory.failures + 1 : 0 },
    ...(result.escalation ? { escalation: result.escalation } : {}),
  };
};
