import { sql, type SQL } from 'drizzle-orm';
import { ANALYTICS_BUCKETS, ANALYTICS_METRICS, type AnalyticsBucket, type AnalyticsMetric } from '@em/contracts/rest';
import type { Db } from '../client';
import { containment, countedConversation, inRange, rowsOf, ts, type MetricClock, type Range } from './analytics-range';

/** The buckets and metrics of GET /api/analytics/timeseries (defined with its response in @em/contracts/rest). */
export const BUCKETS = ANALYTICS_BUCKETS;
export type Bucket = AnalyticsBucket;
export const METRICS = ANALYTICS_METRICS;
export type Metric = AnalyticsMetric;

/** The bucket of a timestamptz column, as a UTC timestamp (date_trunc's unit is a parameter). */
const bucketOf = (col: SQL, b: Bucket) => sql`date_trunc(${b}, ${col} at time zone 'UTC')`;

/**
 * Per-metric aggregate, grouped by bucket `t`. Counts default to 0 in empty buckets, averages and
 * percentiles to null (see DEFAULTS). Conversation metrics count only conversations with a customer
 * message (analytics-range.ts countedConversation), like the summary.
 */
function aggregate(metric: Metric, r: Range, b: Bucket, clock: MetricClock): SQL {
  switch (metric) {
    case 'conversations':
      return sql`select ${bucketOf(sql`c.created_at`, b)} as t, count(*)::int as conversations
        from conversations c where ${countedConversation(r)} group by 1`;
    case 'messages':
      return sql`select ${bucketOf(sql`created_at`, b)} as t, count(*)::int as messages,
          (count(*) filter (where role = 'customer'))::int as customer,
          (count(*) filter (where role = 'bot'))::int as bot,
          (count(*) filter (where role = 'human'))::int as human
        from messages mm where ${inRange(sql`created_at`, r)}
          and exists (select 1 from messages m where m.conversation_id = mm.conversation_id and m.role = 'customer')
        group by 1`;
    case 'containment': {
      const { resolved } = containment(clock);
      return sql`select ${bucketOf(sql`c.created_at`, b)} as t, count(*)::int as conversations,
          (count(*) filter (where ${resolved}))::int as "resolvedByAi",
          (count(*) filter (where c.escalation_reason is not null))::int as escalated,
          round((count(*) filter (where ${resolved}))::numeric / count(*), 4)::float8 as rate
        from conversations c where ${countedConversation(r)} group by 1`;
    }
    case 'sentiment':
      return sql`select ${bucketOf(sql`created_at`, b)} as t,
          (count(*) filter (where sentiment = 'very_negative'))::int as very_negative,
          (count(*) filter (where sentiment = 'negative'))::int as negative,
          (count(*) filter (where sentiment = 'neutral'))::int as neutral,
          (count(*) filter (where sentiment = 'positive'))::int as positive
        from conversation_events where type = 'ai_reply' and ${inRange(sql`created_at`, r)} group by 1`;
    case 'csat':
      return sql`select ${bucketOf(sql`c.created_at`, b)} as t,
          round(avg(c.csat_score) filter (where not c.handled_by_human), 2)::float8 as "aiOnly",
          round(avg(c.csat_score) filter (where c.handled_by_human), 2)::float8 as human,
          count(c.csat_score)::int as ratings
        from conversations c where c.csat_score is not null and ${countedConversation(r)} group by 1`;
    case 'latency':
      return sql`select ${bucketOf(sql`created_at`, b)} as t,
          percentile_cont(0.5) within group (order by ms) as p50,
          percentile_cont(0.95) within group (order by ms) as p95
        from conversation_events where type = 'ai_reply' and ${inRange(sql`created_at`, r)} group by 1`;
    case 'cost':
      return sql`select ${bucketOf(sql`created_at`, b)} as t,
          coalesce(sum(cost_usd), 0)::float8 as "costUsd",
          coalesce(sum(prompt_tokens + completion_tokens), 0)::float8 as tokens
        from conversation_events where type = 'ai_reply' and ${inRange(sql`created_at`, r)} group by 1`;
  }
}

const DEFAULTS: Record<Metric, Record<string, number | null>> = {
  conversations: { conversations: 0 },
  messages: { messages: 0, customer: 0, bot: 0, human: 0 },
  containment: { conversations: 0, resolvedByAi: 0, escalated: 0, rate: null },
  sentiment: { very_negative: 0, negative: 0, neutral: 0, positive: 0 },
  csat: { aiOnly: null, human: null, ratings: 0 },
  latency: { p50: null, p95: null },
  cost: { costUsd: 0, tokens: 0 },
};

export interface Point {
  /** Bucket start, ISO UTC. */
  t: string;
  [k: string]: number | string | null;
}

/** One value row per bucket in [from, to), empty buckets included (generate_series). */
export async function analyticsTimeseries(db: Db, metric: Metric, r: Range, b: Bucket, clock: MetricClock): Promise<Point[]> {
  const rows = await rowsOf<{ t: Date; v: Record<string, number | null> | null }>(
    db,
    sql`with s as (
          select generate_series(
            date_trunc(${b}, ${ts(r.from)} at time zone 'UTC'),
            date_trunc(${b}, (${ts(r.to)} - interval '1 microsecond') at time zone 'UTC'),
            make_interval(hours => ${b === 'hour' ? 1 : 0}, days => ${b === 'day' ? 1 : 0}, weeks => ${b === 'week' ? 1 : 0})
          ) as t
        ), a as (${aggregate(metric, r, b, clock)})
        select (s.t at time zone 'UTC') as t, to_jsonb(a) - 't' as v
        from s left join a on a.t = s.t order by s.t`,
  );
  return rows.map((x) => ({ ...DEFAULTS[metric], ...(x.v ?? {}), t: new Date(x.t).toISOString() }));
}

/** Number of buckets a request would produce (the router caps it). */
export function bucketCount(r: Range, b: Bucket): number {
  const ms = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 }[b];
  return Math.ceil((r.to.getTime() - r.from.getTime()) / ms) + 1;
}
