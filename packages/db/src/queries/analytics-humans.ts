import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { countedConversation, rowsOf, ts, type Range } from './analytics-range';

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

/** The agent a human-handled conversation belongs to: its owner, or (handed back or reopened) the last to claim it. */
const agentOf = sql`coalesce(c.assigned_agent_id::text, (
  select x.data->>'agentId' from conversation_events x
  where x.conversation_id = c.id and x.type = 'status_changed' and x.status = 'human' and x.data->>'agentId' is not null
  order by x.id desc limit 1))`;

/**
 * Human-handled counted conversations started in the window, overall and per agent.
 * First response = first human reply − first escalation (the customer's wait for a person);
 * resolution = resolved_at − created_at for ones resolved at least once. Milliseconds, percentile_cont.
 * CSAT: each `rated` event of these conversations belongs to whoever resolved what it rates (the
 * agentId of the latest status_changed → resolved before it), so a customer who writes again after
 * a resolve (the conversation goes back to the AI, its owner cleared) does not take the rating away.
 */
export async function humanTimes(db: Db, r: Range): Promise<{ overall: AgentTimes; perAgent: AgentTimes[] }> {
  const rows = await rowsOf<AgentTimes>(
    db,
    sql`with esc as (
          select conversation_id, min(created_at) as at from conversation_events
          where type = 'status_changed' and status = 'waiting_human' and created_at >= ${ts(r.from)}
          group by 1
        ), h as (
          select c.id, ${agentOf} as agent_id,
                 extract(epoch from (c.first_human_reply_at - esc.at)) * 1000 as frt,
                 case when c.resolved_at is not null then extract(epoch from (c.resolved_at - c.created_at)) * 1000 end as res
          from conversations c left join esc on esc.conversation_id = c.id
          where c.handled_by_human and ${countedConversation(r)}
        ), rated as (
          select (e.data->>'score')::int as score, (
                   select x.data->>'agentId' from conversation_events x
                   where x.conversation_id = e.conversation_id and x.type = 'status_changed' and x.status = 'resolved' and x.id < e.id
                   order by x.id desc limit 1) as agent_id
          from conversation_events e join h on h.id = e.conversation_id
          where e.type = 'rated'
        ), t as (
          select agent_id, grouping(agent_id)::int as all_, count(*)::int as n,
                 percentile_cont(0.5) within group (order by frt) as frt50,
                 percentile_cont(0.9) within group (order by frt) as frt90,
                 percentile_cont(0.5) within group (order by res) as res50,
                 percentile_cont(0.9) within group (order by res) as res90
          from h group by grouping sets ((agent_id), ())
        ), s as (
          select agent_id, grouping(agent_id)::int as all_, avg(score)::float8 as avg, count(*)::int as n
          from rated where agent_id is not null group by grouping sets ((agent_id), ())
        )
        select coalesce(t.agent_id, s.agent_id) as "agentId", u.name as "name",
               coalesce(t.n, 0) as "conversations",
               t.frt50 as "firstResponseP50Ms", t.frt90 as "firstResponseP90Ms",
               t.res50 as "resolutionP50Ms", t.res90 as "resolutionP90Ms",
               s.avg as "csatAvg", coalesce(s.n, 0) as "csatCount",
               coalesce(t.all_, s.all_) as "all"
        from t full join s on t.all_ = s.all_ and coalesce(t.agent_id, '') = coalesce(s.agent_id, '')
        left join console_users u on u.id::text = coalesce(t.agent_id, s.agent_id)`,
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
      .sort((a, b) => b.conversations - a.conversations || b.csatCount - a.csatCount),
  };
}
