import { callTool, toolSchemas } from '../tools/registry';
import { toolScope } from '../specialists/scope';
import type { ToolDeps } from '../tools/types';
import type { CallMeta, ToolOutcome, ToolSchema } from '../model/port';
import type { TurnStateT } from './state';
import type { GraphDeps } from './types';

/**
 * Tools the network model may call itself: reads only. Opening tickets and handing over stay with
 * the specialists and the escalation branch (a write must not depend on a model's whim, and a
 * "handed over" the graph never did would be a lie); order_prove stays with the planner, which
 * counts failed proofs against enumeration — the model would be an unbounded oracle.
 */
export const ACT_TOOLS = ['catalog_search', 'product_details', 'orders_list', 'order_get', 'promo_check', 'kb_search', 'ticket_status'] as const;

let schemas: ToolSchema[] | undefined;
/** JSON Schemas of the allowed tools, built once per process (they derive from static zod schemas). */
const actSchemas = () => (schemas ??= toolSchemas().filter((t) => ALLOWED.has(t.function.name)) as ToolSchema[]);
const ALLOWED = new Set<string>(ACT_TOOLS);

/** Where a successful read came from, in the same form the specialists report (`order:EM-10001`). */
function sourcesOf(name: string, result: unknown): string[] {
  const r = result as Record<string, any> | null;
  if (!r) return [];
  if (name === 'order_get' && r.found) return [`order:${r.order.orderNumber}`];
  if (name === 'product_details' && Array.isArray(r)) return r.map((p: { sku: string }) => `product:${p.sku}`);
  if (name === 'kb_search' && r.found) return [r.source];
  if (name === 'promo_check' && r.exists) return [`promotion:${r.code}`];
  if (name === 'ticket_status' && typeof r.ticketNumber === 'string') return [`ticket:${r.ticketNumber}`];
  return [];
}

export interface Acted {
  reply: string;
  meta: CallMeta;
  sources: string[];
}

/**
 * Lets the network model answer with its own tool calls (respond step, not for escalations or
 * clarifications). The scope comes from the session and the proofs in memory, never from the
 * model; null when the provider does not act (offline), so the caller rephrases instead.
 */
export async function actWithTools(deps: GraphDeps, state: TurnStateT, signal?: AbortSignal, onDelta?: (d: string) => void): Promise<Acted | null> {
  if (!deps.model.act) return null;
  const scope = toolScope({ input: state.input, memory: state.memory });
  const toolDeps: ToolDeps = { db: deps.db, kb: deps.kb, ...(deps.now ? { now: deps.now } : {}) };
  const sources: string[] = [];
  const runTool = async (name: string, args: unknown): Promise<ToolOutcome> => {
    if (!ALLOWED.has(name)) return { ok: false, error: `unknown tool ${name}` };
    const out = await callTool(toolDeps, scope, name, args);
    if (out.ok) sources.push(...sourcesOf(name, out.result));
    return out;
  };
  const { value, meta } = await deps.model.act({
    agent: state.agent,
    text: state.input.text,
    history: state.input.history,
    draft: state.draft ?? '',
    language: state.language,
    tools: actSchemas(),
    runTool,
    signal,
    onDelta,
  });
  if (!value) return null;
  // A reply replaced by the draft rests on the specialists' sources only.
  return { reply: value.reply, meta, sources: meta.fellBack ? [] : [...new Set([...sources, ...(value.sources ?? [])])] };
}
