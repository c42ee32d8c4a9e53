import { z } from 'zod';
import { AgentName, ConversationStatus, Domain, SENTIMENT_LABELS } from './schemas';

/**
 * The analytics event log (`conversation_events`): one schema shared by the writers
 * (gateway, worker, console, `seed:history`) and the reader (dashboard SQL), so the
 * dashboard never guesses at a shape. `data` is stored as jsonb; SQL reads these keys.
 */
export const ESCALATION_REASONS = [
  'customer_request',
  'negative_sentiment',
  'ai_failed', // the AI could not answer twice
  'policy', // refund over limit, legal, safety (decided by a specialist)
  'timeout', // the job ran past its deadline or failed for good
] as const;
export const EscalationReason = z.enum(ESCALATION_REASONS);
export type EscalationReason = z.infer<typeof EscalationReason>;

/**
 * Every escalation reason in words, per surface: `queue` (the console's queue chip), `brief` (the
 * handoff brief), `chart` (the dashboard). Keyed by the type, so a new reason does not compile
 * until it is labelled everywhere.
 */
export const ESCALATION_REASON_LABELS: Record<EscalationReason, { queue: string; brief: string; chart: string }> = {
  customer_request: { queue: 'Asked for a person', brief: 'Customer asked for a person', chart: 'Asked for a person' },
  negative_sentiment: { queue: 'Upset customer', brief: 'Customer is upset', chart: 'Negative sentiment' },
  ai_failed: { queue: 'AI could not answer', brief: 'The AI could not answer twice', chart: 'AI could not answer' },
  policy: { queue: 'Needs a decision', brief: 'Needs a human decision (refund limit, legal or safety)', chart: 'Policy (refund/legal)' },
  timeout: { queue: 'AI timed out', brief: 'The AI timed out or failed', chart: 'Timed out' },
};

const Tokens = z.object({ prompt: z.number().int().min(0), completion: z.number().int().min(0) });

export const AnalyticsEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('conversation_started'), data: z.object({ siteKey: z.string(), verified: z.boolean() }) }),
  z.object({
    type: z.literal('ai_reply'),
    data: z.object({
      messageId: z.string(),
      domain: Domain,
      confidence: z.number(),
      agent: AgentName,
      sentiment: z.enum(SENTIMENT_LABELS).optional(),
      clarifying: z.boolean(),
      handoffs: z.number().int().min(0),
      /** The model could not answer from data (no KB hit, unknown product, …). */
      fallback: z.boolean().optional(),
      /** Wall time from job start to reply stored, in ms. */
      ms: z.number().min(0),
      provider: z.enum(['offline', 'openai']).optional(),
      tokens: Tokens.optional(),
      costUsd: z.number().min(0).optional(),
    }),
  }),
  z.object({ type: z.literal('agent_handoff'), data: z.object({ from: z.string(), to: z.string(), reason: z.string() }) }),
  z.object({
    type: z.literal('status_changed'),
    data: z.object({
      status: ConversationStatus,
      reason: z.string().optional(),
      detail: z.string().optional(),
      agentId: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('human_reply'), data: z.object({ messageId: z.string(), agentId: z.string() }) }),
  z.object({ type: z.literal('rated'), data: z.object({ score: z.number().int().min(1).max(5), comment: z.string().optional() }) }),
  z.object({ type: z.literal('job_failed'), data: z.object({ messageId: z.string(), error: z.string(), timedOut: z.boolean() }) }),
  z.object({ type: z.literal('ticket_created'), data: z.object({ ticketNumber: z.string(), reason: z.string() }) }),
]);
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>;
export type AnalyticsEventType = AnalyticsEvent['type'];
export type AnalyticsEventData<T extends AnalyticsEventType> = Extract<AnalyticsEvent, { type: T }>['data'];
