import { z } from 'zod';
import { EscalationReason } from '@em/contracts/analytics';
import { catalogSearch, productDetails } from './catalog';
import { orderGet, ordersList, orderProve } from './orders';
import { promoCheck } from './promotions';
import { ticketOpen, ticketStatus } from './tickets';
import { answerFromKb } from '../kb/answer';
import { defineTool, type Tool, type ToolDeps, type ToolScope } from './types';

/** KB search: the passage that answers, and the sentences stating the asked fact. */
export const kbSearch = defineTool({
  name: 'kb_search',
  description: "Searches the shop's help articles (returns, refunds, warranty, shipping, payment, price match, promotions, loyalty, account, contact, troubleshooting) and returns the answering passage.",
  input: z.object({ query: z.string().min(2).max(300) }),
  async run({ kb }, _scope, { query }) {
    const hit = answerFromKb(kb, query);
    return hit ? { found: true as const, answer: hit.text, source: hit.passageId } : { found: false as const };
  },
});

/** Hand-off to a person: the graph's escalation branch does the work; the tool only asks for it. */
export const requestHuman = defineTool({
  name: 'request_human',
  description: 'Hands the conversation to a person from the support team (the customer asked, or the case needs one).',
  // The reasons a model may give (ai_failed and timeout are decided by the graph and the worker).
  input: z.object({ reason: EscalationReason.extract(['customer_request', 'policy', 'negative_sentiment']) }),
  async run(_deps, _scope, { reason }) {
    return { handedOver: true as const, reason };
  },
});

/**
 * Every tool both providers use: the offline specialists call them directly, the network model
 * through `callTool` (arguments parsed with the tool's zod schema; scope from the session only).
 */
export const TOOLS = [catalogSearch, productDetails, ordersList, orderGet, orderProve, promoCheck, kbSearch, ticketStatus, ticketOpen, requestHuman] as const;

export type AnyTool = Tool<any, unknown>;

export async function callTool(deps: ToolDeps, scope: ToolScope, name: string, args: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: string }> {
  const tool = (TOOLS as readonly AnyTool[]).find((t) => t.name === name);
  if (!tool) return { ok: false, error: `unknown tool ${name}` };
  const parsed = tool.input.safeParse(args);
  if (!parsed.success) return { ok: false, error: `invalid arguments: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, result: await tool.run(deps, scope, parsed.data) };
}

/** OpenAI-style function definitions (JSON Schema from the zod inputs). */
export const toolSchemas = () =>
  (TOOLS as readonly AnyTool[]).map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: z.toJSONSchema(t.input, { io: 'input' }) } }));
