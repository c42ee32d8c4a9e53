import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inRange, ratio, rowsOf, type Range } from './analytics-range';

/**
 * AI outcome over conversations started in the window. Containment = resolved and never
 * handled by a human (the denormalised `handled_by_human` flag), so one scan of conversations.
 */
export async function aiOutcome(db: Db, r: Range) {
  const rows = await rowsOf<{ reason: string | null; total: number; resolvedByAi: number; handledByHuman: number; escalated: number }>(
    db,
    sql`select escalation_reason as "reason",
               count(*)::int as "total",
               (count(*) filter (where status = 'resolved' and not handled_by_human))::int as "resolvedByAi",
               (count(*) filter (where handled_by_human))::int as "handledByHuman",
               (count(*) filter (where escalation_reason is not null))::int as "escalated"
        from conversations where ${inRange(sql`created_at`, r)}
        group by 1`,
  );
  const sum = (k: 'total' | 'resolvedByAi' | 'handledByHuman' | 'escalated') => rows.reduce((a, x) => a + x[k], 0);
  const conversations = sum('total');
  const escalated = sum('escalated');
  return {
    conversations,
    resolvedByAi: sum('resolvedByAi'),
    containmentRate: ratio(sum('resolvedByAi'), conversations),
    handledByHuman: sum('handledByHuman'),
    escalated,
    handoffRate: ratio(escalated, conversations),
    byReason: rows
      .filter((x) => x.reason !== null)
      .map((x) => ({ reason: x.reason!, count: x.total, rate: ratio(x.total, conversations) }))
      .sort((a, b) => b.count - a.count),
  };
}

/**
 * Escalations (status_changed → waiting_human) in the window, attributed to the specialist and the
 * customer sentiment of the last AI reply before them ('none'/'unknown' when the customer asked
 * for a person before any AI reply). The lateral lookup uses events_conversation_idx.
 */
export async function escalationBreakdown(db: Db, r: Range) {
  const rows = await rowsOf<{ agent: string; sentiment: string; count: number }>(
    db,
    sql`select coalesce(a.data->>'agent', 'none') as "agent",
               coalesce(a.data->>'sentiment', 'unknown') as "sentiment",
               count(*)::int as "count"
        from conversation_events e
        left join lateral (
          select x.data from conversation_events x
          where x.conversation_id = e.conversation_id and x.type = 'ai_reply' and x.id < e.id
          order by x.id desc limit 1
        ) a on true
        where e.type = 'status_changed' and e.data->>'status' = 'waiting_human' and ${inRange(sql`e.created_at`, r)}
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
  /** 1 on the per-agent subtotal rows (domain and provider are null there), 0 on detail rows. */
  perAgent: number;
  domain: string;
  agent: string;
  provider: string;
  replies: number;
  conversations: number;
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
 * One pass over the window's ai_reply events, grouped by domain × agent × provider (≤ 72 rows) plus
 * per-agent subtotals (distinct conversations answered, the denominator of handoff rate by specialist):
 * routing, clarifying/fallback rates and cost are all derived from these groups.
 * Confidence bands: low < 0.5 ≤ medium < 0.8 ≤ high.
 */
export async function aiReplyGroups(db: Db, r: Range): Promise<ReplyGroup[]> {
  return rowsOf<ReplyGroup>(
    db,
    sql`select grouping(d.domain)::int as "perAgent",
          d.domain as "domain", d.agent as "agent", d.provider as "provider",
          count(*)::int as "replies",
          count(distinct d.conversation_id)::int as "conversations",
          (count(*) filter (where d.clarifying))::int as "clarifying",
          (count(*) filter (where d.fallback))::int as "fallbacks",
          (count(*) filter (where d.confidence < 0.5))::int as "low",
          (count(*) filter (where d.confidence >= 0.5 and d.confidence < 0.8))::int as "medium",
          (count(*) filter (where d.confidence >= 0.8))::int as "high",
          coalesce(sum(d.confidence), 0)::float8 as "confidenceSum",
          coalesce(sum(d.prompt), 0)::float8 as "promptTokens",
          coalesce(sum(d.completion), 0)::float8 as "completionTokens",
          coalesce(sum(d.cost), 0)::float8 as "costUsd"
        from (
          select conversation_id,
                 data->>'domain' as domain, data->>'agent' as agent,
                 coalesce(data->>'provider', 'offline') as provider,
                 coalesce((data->>'clarifying')::boolean, false) as clarifying,
                 coalesce((data->>'fallback')::boolean, false) as fallback,
                 (data->>'confidence')::float8 as confidence,
                 (data->'tokens'->>'prompt')::float8 as prompt,
                 (data->'tokens'->>'completion')::float8 as completion,
                 (data->>'costUsd')::float8 as cost
          from conversation_events where type = 'ai_reply' and ${inRange(sql`created_at`, r)}
        ) d
        group by grouping sets ((d.domain, d.agent, d.provider), (d.agent))`,
  );
}

/** Jobs that failed for good in the window, and how many of them ran past their deadline. */
export async function jobFailures(db: Db, r: Range) {
  const [row] = await rowsOf<{ failed: number; timeouts: number }>(
    db,
    sql`select count(*)::int as "failed",
               (count(*) filter (where (data->>'timedOut')::boolean))::int as "timeouts"
        from conversation_events where type = 'job_failed' and ${inRange(sql`created_at`, r)}`,
  );
  return row!;
}
