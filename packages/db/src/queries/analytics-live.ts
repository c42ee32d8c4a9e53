import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf, ts } from './analytics-range';

/** "Active" = not resolved and a message within this many minutes. */
export const ACTIVE_WINDOW_MIN = 15;
/** Processing latency is read over the last 15 minutes of ai_reply events. */
export const LATENCY_WINDOW_MIN = 15;

/**
 * Live state at `now`: customers waiting for a person (and the longest wait, ms), active
 * conversations, and the workers' processing latency p50/p95 (ai_reply `ms`, last 15 minutes).
 * Unresolved conversations are few, so the status index keeps this cheap.
 */
export async function liveState(db: Db, now: Date) {
  const [row] = await rowsOf<{
    waiting: number;
    longestWaitMs: number | null;
    withHuman: number;
    active: number;
    latencyP50Ms: number | null;
    latencyP95Ms: number | null;
    latencyN: number;
  }>(
    db,
    sql`with c as (
          select
            (count(*) filter (where status = 'waiting_human'))::int as waiting,
            (extract(epoch from (${ts(now)} - min(waiting_since) filter (where status = 'waiting_human'))) * 1000)::float8 as longest,
            (count(*) filter (where status = 'human'))::int as with_human,
            (count(*) filter (where last_message_at > ${ts(now)} - make_interval(mins => ${ACTIVE_WINDOW_MIN})))::int as active
          from conversations where status in ('bot', 'waiting_human', 'human')
        ), l as (
          select percentile_cont(0.5) within group (order by ms) as p50,
                 percentile_cont(0.95) within group (order by ms) as p95,
                 count(*)::int as n
          from conversation_events
          where type = 'ai_reply' and created_at > ${ts(now)} - make_interval(mins => ${LATENCY_WINDOW_MIN}) and created_at <= ${ts(now)}
        )
        select c.waiting as "waiting", c.longest as "longestWaitMs", c.with_human as "withHuman", c.active as "active",
               l.p50 as "latencyP50Ms", l.p95 as "latencyP95Ms", l.n as "latencyN"
        from c, l`,
  );
  return row!;
}
