import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inRange, rowsOf, ts, type Range } from './analytics-range';

export interface AgentTimes {
  /** null on the all-agents row. */
  agentId: string | null;
  name: string | null;
  conversations: number;
  firstResponseP50Ms: number | null;
  firstResponseP90Ms: number | null;
  resolutionP50Ms: number | null;
  resolutionP90Ms: number | null;
  csatAvg: number | null;
  csatCount: number;
}

/**
 * Human-handled conversations started in the window, overall and per assigned agent.
 * First response = first human reply − first escalation (the customer's wait for a person);
 * resolution = resolved_at − created_at for resolved ones. Milliseconds, percentile_cont.
 */
export async function humanTimes(db: Db, r: Range): Promise<{ overall: AgentTimes; perAgent: AgentTimes[] }> {
  const rows = await rowsOf<AgentTimes>(
    db,
    sql`with esc as (
          select conversation_id, min(created_at) as at from conversation_events
          where type = 'status_changed' and status = 'waiting_human' and created_at >= ${ts(r.from)}
          group by 1
        ), h as (
          select c.assigned_agent_id as agent_id, c.csat_score,
                 extract(epoch from (c.first_human_reply_at - esc.at)) * 1000 as frt,
                 case when c.status = 'resolved' then extract(epoch from (c.resolved_at - c.created_at)) * 1000 end as res
          from conversations c left join esc on esc.conversation_id = c.id
          where c.handled_by_human and ${inRange(sql`c.created_at`, r)}
        )
        select h.agent_id as "agentId", max(u.name) as "name",
               count(*)::int as "conversations",
               percentile_cont(0.5) within group (order by h.frt) as "firstResponseP50Ms",
               percentile_cont(0.9) within group (order by h.frt) as "firstResponseP90Ms",
               percentile_cont(0.5) within group (order by h.res) as "resolutionP50Ms",
               percentile_cont(0.9) within group (order by h.res) as "resolutionP90Ms",
               avg(h.csat_score)::float8 as "csatAvg",
               count(h.csat_score)::int as "csatCount",
               grouping(h.agent_id)::int as "all"
        from h left join console_users u on u.id = h.agent_id
        group by grouping sets ((h.agent_id), ())`,
  );
  const clean = ({ all: _all, ...x }: AgentTimes & { all?: number }) => x;
  const overall = rows.find((x) => (x as { all?: number }).all === 1);
  const empty: AgentTimes = {
    agentId: null, name: null, conversations: 0, firstResponseP50Ms: null, firstResponseP90Ms: null,
    resolutionP50Ms: null, resolutionP90Ms: null, csatAvg: null, csatCount: 0,
  };
  return {
    overall: overall ? { ...clean(overall), name: null } : empty,
    perAgent: rows
      .filter((x) => (x as { all?: number }).all === 0 && x.agentId !== null)
      .map(clean)
      .sort((a, b) => b.conversations - a.conversations),
  };
}
