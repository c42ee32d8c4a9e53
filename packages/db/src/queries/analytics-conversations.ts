import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { countedConversation, rowsOf, type Range } from './analytics-range';

/** Most rows one per-conversation export returns (about 5 MB of CSV); a longer list needs a shorter range. */
export const MAX_EXPORT_CONVERSATIONS = 50_000;

export interface ConversationExportRow {
  id: string;
  startedAt: string;
  lastActivityAt: string;
  status: string;
  /** Who has it now: 'AI', an agent's name, or null while it waits in the queue. */
  owner: string | null;
  /** Domain the AI routed the first customer message to; null when no AI reply. */
  route: string | null;
  /** Customer sentiment on the last AI turn. */
  sentiment: string | null;
  handedOff: boolean;
  reason: string | null;
  csat: number | null;
  comment: string | null;
}

/**
 * One row per counted conversation started in [from, to) (a customer message, like every metric),
 * oldest first. Owner: the assigned agent while with a person; for a resolved one whoever resolved
 * it last (the AI when no agent did); the AI otherwise. `agentId` keeps an agent's own conversations
 * (any status change they made: claim, hand back, resolve).
 */
export async function conversationsForExport(db: Db, r: Range, opts: { agentId?: string } = {}): Promise<ConversationExportRow[]> {
  const rows = await rowsOf<ConversationExportRow & { startedAt: Date | string; lastActivityAt: Date | string }>(
    db,
    sql`select c.id::text as "id", c.created_at as "startedAt", c.last_message_at as "lastActivityAt", c.status as "status",
               case c.status
                 when 'human' then coalesce(owner.name, 'Agent')
                 when 'waiting_human' then null
                 when 'resolved' then coalesce(resolver.name, 'AI')
                 else 'AI' end as "owner",
               (select x.domain from conversation_events x where x.type = 'ai_reply' and x.conversation_id = c.id order by x.id limit 1) as "route",
               (select x.sentiment from conversation_events x where x.type = 'ai_reply' and x.conversation_id = c.id order by x.id desc limit 1) as "sentiment",
               (c.handled_by_human or c.escalation_reason is not null) as "handedOff",
               c.escalation_reason as "reason", c.csat_score as "csat", c.csat_comment as "comment"
        from conversations c
        left join console_users owner on owner.id = c.assigned_agent_id
        left join lateral (
          select x.data->>'agentId' as agent_id from conversation_events x
          where x.conversation_id = c.id and x.type = 'status_changed' and x.status = 'resolved'
          order by x.id desc limit 1
        ) last_resolve on true
        left join console_users resolver on resolver.id::text = last_resolve.agent_id
        where ${countedConversation(r)}
          ${opts.agentId ? sql`and exists (select 1 from conversation_events x where x.conversation_id = c.id and x.type = 'status_changed' and x.data->>'agentId' = ${opts.agentId})` : sql``}
        order by c.created_at, c.id
        limit ${MAX_EXPORT_CONVERSATIONS}`,
  );
  return rows.map((x) => ({ ...x, startedAt: new Date(x.startedAt).toISOString(), lastActivityAt: new Date(x.lastActivityAt).toISOString() }));
}
