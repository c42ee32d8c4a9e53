import { sql } from 'drizzle-orm';
import type { EscalationReason } from '@em/contracts/analytics';
import type { Db } from '../client';
import { containment, countedConversation, eventOfCountedConversation, inRange, ratio, rowsOf, type MetricClock, type Range } from './analytics-range';

export interface OutcomeRow {
  /** conversations.escalation_reason, written from ESCALATION_REASONS only. */
  reason: EscalationReason | null;
  human: boolean;
  score: number | null;
  total: number;
  /** Answered by the AI and never went to a person (closed or not). */
  contained: number;
  /** Contained and closed, or idle with the AI for the configured minutes (analytics-range.ts containment). */
  resolvedByAi: number;
  /** Messages in these conversations (last_seq is the gap-free per-conversation message count). */
  messages: number;
}

/**
 * One scan of the counted conversations (started in the window, with a customer message), grouped by
 * escalation reason × handled-by-human × CSAT score (≤ 72 rows): AI outcome and satisfaction derive from it.
 */
export async function conversationOutcomes(db: Db, r: Range, clock: MetricClock): Promise<OutcomeRow[]> {
  const { contained, resolved } = containment(clock);
  return rowsOf<OutcomeRow>(
    db,
    sql`select c.escalation_reason as "reason", c.handled_by_human as "human", c.csat_score as "score",
               count(*)::int as "total",
               (count(*) filter (where ${contained}))::int as "contained",
               (count(*) filter (where ${resolved}))::int as "resolvedByAi",
               sum(c.last_seq)::int as "messages"
        from conversations c where ${countedConversation(r)}
        group by 1, 2, 3`,
  );
}

/**
 * Containment rate = resolved by the AI / counted conversations, where resolved by the AI = the AI
 * answered, it never went to a person, and it was closed or sat idle with the AI (analytics-range.ts).
 */
export function aiOutcome(rows: OutcomeRow[]) {
  const sum = (xs: OutcomeRow[], k: 'total' | 'resolvedByAi' | 'contained') => xs.reduce((a, x) => a + x[k], 0);
  const conversations = sum(rows, 'total');
  const escalated = sum(rows.filter((x) => x.reason !== null), 'total');
  const reasons = new Map<EscalationReason, number>();
  for (const x of rows) if (x.reason !== null) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + x.total);
  return {
    conversations,
    messages: rows.reduce((a, x) => a + x.messages, 0),
    contained: sum(rows, 'contained'),
    resolvedByAi: sum(rows, 'resolvedByAi'),
    containmentRate: ratio(sum(rows, 'resolvedByAi'), conversations),
    handledByHuman: sum(rows.filter((x) => x.human), 'total'),
    escalated,
    handoffRate: ratio(escalated, conversations),
    byReason: [...reasons]
      .map(([reason, count]) => ({ reason, count, rate: ratio(count, conversations) }))
      .sort((a, b) => b.count - a.count),
  };
}

/** CSAT (1–5) for AI-only vs human-handled conversations, with the score distribution. */
export function satisfaction(rows: OutcomeRow[]) {
  const side = (human: boolean) => {
    const mine = rows.filter((x) => x.human === human && x.score !== null);
    const n = mine.reduce((a, x) => a + x.total, 0);
    const total = mine.reduce((a, x) => a + x.score! * x.total, 0);
    const distribution = [1, 2, 3, 4, 5].map((s) => mine.filter((x) => x.score === s).reduce((a, x) => a + x.total, 0));
    return { n, avg: n ? Math.round((total / n) * 100) / 100 : null, distribution };
  };
  return { aiOnly: side(false), human: side(true) };
}

/**
 * Escalations (status_changed → waiting_human) in the window, attributed to the specialist and the
 * customer sentiment of the last AI reply before them ('none'/'unknown' when the customer asked
 * for a person before any AI reply). Index-only: events_status_time_idx drives, the lateral
 * lookup is one descent of events_ai_reply_conv_idx per escalation.
 */
export async function escalationBreakdown(db: Db, r: Range) {
  const rows = await rowsOf<{ agent: string; sentiment: string; count: number }>(
    db,
    sql`select coalesce(a.agent, 'none') as "agent",
               coalesce(a.sentiment, 'unknown') as "sentiment",
               count(*)::int as "count"
        from conversation_events e
        left join lateral (
          select x.agent, x.sentiment from conversation_events x
          where x.type = 'ai_reply' and x.conversation_id = e.conversation_id and x.id < e.id
          order by x.id desc limit 1
        ) a on true
        where e.type = 'status_changed' and e.status = 'waiting_human' and ${inRange(sql`e.created_at`, r)}
          and ${eventOfCountedConversation}
        group by 1, 2`,
  );
  const group = (k: 'agent' | 'sentiment') => {
    const m = new Map<string, number>();
    for (const x of rows) m.set(x[k], (m.get(x[k]) ?? 0) + x.count);
    return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
  };
  return { total: rows.reduce((a, x) => a + x.count, 0), byAgent: group('agent'), bySentiment: group('sentiment') };
}

export interface ReplyGroup {
  domain: string;
  agent: string;
  provider: string;
  replies: number;
  clarifying: number;
  fallbacks: number;
  low: number;
  medium: number;
  high: number;
  confidenceSum: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/**
 * One pass over the window's ai_reply events, grouped by domain × agent × provider (≤ 72 rows):
 * routing, clarifying/fallback rates and cost are all derived from these groups. Reads only the
 * typed generated columns, so it is an index-only scan of events_ai_reply_time_idx.
 * Confidence bands: low < 0.5 ≤ medium < 0.8 ≤ high.
 */
export async function aiReplyGroups(db: Db, r: Range): Promise<ReplyGroup[]> {
  return rowsOf<ReplyGroup>(
    db,
    sql`select domain as "domain", agent as "agent", provider as "provider",
          count(*)::int as "replies",
          (count(*) filter (where clarifying))::int as "clarifying",
          (count(*) filter (where fallback))::int as "fallbacks",
          (count(*) filter (where confidence < 0.5))::int as "low",
          (count(*) filter (where confidence >= 0.5 and confidence < 0.8))::int as "medium",
          (count(*) filter (where confidence >= 0.8))::int as "high",
          coalesce(sum(confidence), 0)::float8 as "confidenceSum",
          coalesce(sum(prompt_tokens), 0)::float8 as "promptTokens",
          coalesce(sum(completion_tokens), 0)::float8 as "completionTokens",
          coalesce(sum(cost_usd), 0)::float8 as "costUsd"
        from conversation_events where type = 'ai_reply' and ${inRange(sql`created_at`, r)}
        group by 1, 2, 3`,
  );
}

/** Jobs that failed for good in the window, and how many of them ran past their deadline. */
export async function jobFailures(db: Db, r: Range) {
  const [row] = await rowsOf<{ failed: number; timeouts: number }>(
    db,
    sql`select count(*)::int as "failed",
               (count(*) filter (where data->'timedOut' = 'true'::jsonb))::int as "timeouts"
        from conversation_events where type = 'job_failed' and ${inRange(sql`created_at`, r)}`,
  );
  return row!;
}
