import { sql } from 'drizzle-orm';
import type { ConversationStatus, Message } from '@em/contracts/schemas';
import type { Db, DbOrTx } from '../client';
import { messageFromJson, type JsonMessage } from './message-json';
import { executePrepared } from '../prepared';

/** The graph reads the messages of the last HISTORY_WINDOW seqs before the one it answers. */
export const HISTORY_WINDOW = 12;

export interface TurnContext {
  conversation: { status: ConversationStatus; customerId: string | null; siteKey: string; customerName: string | null } | null;
  /** The customer message the job answers (null when the id is not a message of that conversation). */
  message: { id: string; seq: number; role: string; text: string; attachments: { name: string; mime: string }[] } | null;
  /** Its reply, when an earlier run of the job already committed one. */
  reply: Message | null;
  /** The earliest customer message before it that the AI still owes an answer (strict order), if any. */
  blocker: { id: string; seq: number } | null;
  /** The messages before it (oldest first) with seq > its seq − HISTORY_WINDOW. */
  history: { seq: number; role: string; text: string; agent: string | null }[];
  /** The graph's memory as stored with the latest AI reply before it (null on a first turn). */
  memory: unknown;
}

/**
 * Everything one AI turn reads, in one round trip (issue 18: it was six queries and a Redis GET):
 * the conversation and its customer's name, the message, an existing reply, the order rule's
 * blocker, the recent history and the memory stored with the last AI reply. The memory lives in
 * Postgres with the reply, so losing Redis no longer loses it.
 *
 * The blocker is the earliest earlier customer message with no reply, written since the latest
 * ownership change (`status_changed`): messages a person had, or the AI skipped on purpose, belong
 * to an earlier owner and never block (the recovery sweeper's findUnansweredMessages uses the same era).
 */
export async function loadTurnContext(db: Db | DbOrTx, conversationId: string, messageId: string): Promise<TurnContext> {
  const rows = await executePrepared<{
    conversation: { status: ConversationStatus; customer_id: string | null; site_key: string; customer_name: string | null } | null;
    message: { id: string; seq: number; role: string; text: string; attachments: { name: string; mime: string }[] } | null;
    reply: JsonMessage | null;
    blocker: { id: string; seq: number } | null;
    history: TurnContext['history'] | null;
    memory: unknown;
  }>(db, sql`
    with c as (
      select c.status, c.customer_id, c.site_key, cu.name as customer_name
      from conversations c left join customers cu on cu.id = c.customer_id
      where c.id = ${conversationId}
    ), m as (
      select id, seq, role, text from messages where id = ${messageId} and conversation_id = ${conversationId}
    ), era as (
      select coalesce(max(created_at), '-infinity'::timestamptz) as since
      from conversation_events where conversation_id = ${conversationId} and type = 'status_changed'
    )
    select
      (select row_to_json(c) from c) as conversation,
      (select json_build_object('id', m.id, 'seq', m.seq, 'role', m.role, 'text', m.text, 'attachments',
         coalesce((select json_agg(json_build_object('name', a.name, 'mime', a.mime) order by a.created_at)
                   from attachments a where a.message_id = m.id), '[]'::json))
       from m) as message,
      (select row_to_json(r) from messages r where r.reply_to = ${messageId}) as reply,
      (select json_build_object('id', u.id, 'seq', u.seq) from messages u, m, era
        where u.conversation_id = ${conversationId} and u.role = 'customer' and u.seq < m.seq and u.created_at > era.since
          and not exists (select 1 from messages r where r.reply_to = u.id)
        order by u.seq limit 1) as blocker,
      (select json_agg(json_build_object('seq', h.seq, 'role', h.role, 'text', h.text, 'agent', h.agent) order by h.seq)
        from (select messages.seq, messages.role, messages.text, messages.agent from messages, m
              where messages.conversation_id = ${conversationId} and messages.seq < m.seq and messages.seq > m.seq - ${HISTORY_WINDOW}) h) as history,
      (select b.details -> 'memory' from messages b, m
        where b.conversation_id = ${conversationId} and b.role = 'bot' and b.seq < m.seq and b.details ? 'memory'
        order by b.seq desc limit 1) as memory
  `);
  const row = rows[0]!;
  const c = row.conversation;
  return {
    conversation: c ? { status: c.status, customerId: c.customer_id, siteKey: c.site_key, customerName: c.customer_name } : null,
    message: row.message,
    reply: row.reply ? messageFromJson(row.reply) : null,
    blocker: row.blocker,
    history: row.history ?? [],
    memory: row.memory ?? null,
  };
}
