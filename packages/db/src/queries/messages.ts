import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Db, DbOrTx } from '../client';
import { conversationEvents, messages } from '../schema/index';

/**
 * Time of the conversation's latest ownership change (`status_changed`), or null. Customer messages
 * older than it belong to an earlier owner (a human answered them, or the AI skipped them on purpose),
 * so they never block the queue nor get re-enqueued by the recovery sweeper.
 */
export async function lastStatusChangeAt(db: DbOrTx, conversationId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: conversationEvents.createdAt })
    .from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.type, 'status_changed')))
    .orderBy(desc(conversationEvents.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** The language of the customer's latest message the AI has read (ISO 639-1), or null. */
export async function conversationLanguage(db: DbOrTx, conversationId: string): Promise<string | null> {
  const [row] = await db
    .select({ language: messages.language })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'customer'), isNotNull(messages.language)))
    .orderBy(desc(messages.seq))
    .limit(1);
  return row?.language ?? null;
}

/** The free-form `details` a worker stored with a reply (timings, memory, pending escalation). */
export async function getMessageDetails(db: DbOrTx, messageId: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ details: messages.details }).from(messages).where(eq(messages.id, messageId));
  return (row?.details as Record<string, unknown> | null | undefined) ?? null;
}

/** The sentiment label the AI read on the customer's latest turn (stored on its reply), if any. */
export async function lastSentimentLabel(db: DbOrTx, conversationId: string): Promise<string | null> {
  const [row] = await db
    .select({ s: messages.sentiment })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), isNotNull(messages.sentiment)))
    .orderBy(desc(messages.seq))
    .limit(1);
  return row?.s?.label ?? null;
}

export interface UnansweredMessage {
  messageId: string;
  conversationId: string;
  seq: number;
}

/**
 * Customer messages the AI still owes an answer for, for the worker's recovery sweeper: older than
 * `minAgeS` seconds (a live job normally answers well before), younger than `maxAgeS` (the live
 * session window), in a conversation whose status is one of `statuses` (those the AI may answer in: the
 * caller asks the state machine), written since its last ownership change, and
 * without a reply. Postgres is the record of what was accepted, so this survives losing Redis.
 */
/** Which of these messages have a reply now (the recovery sweeper's re-check before it re-runs a job). */
export async function answeredAmong(db: Db, messageIds: string[]): Promise<Set<string>> {
  if (!messageIds.length) return new Set();
  const rows = await db.execute<{ reply_to: string }>(sql`
    select reply_to from messages where reply_to in (${sql.join(messageIds.map((id) => sql`${id}`), sql`, `)})`);
  return new Set(rows.map((r) => r.reply_to));
}

export async function findUnansweredMessages(
  db: Db,
  opts: { statuses: readonly ConversationStatus[]; minAgeS: number; maxAgeS: number; limit: number },
): Promise<UnansweredMessage[]> {
  const rows = await db.execute<{ id: string; conversation_id: string; seq: number }>(sql`
    select m.id, m.conversation_id, m.seq
    from messages m
    join conversations c on c.id = m.conversation_id and c.status in (${sql.join(opts.statuses.map((s) => sql`${s}`), sql`, `)})
    where m.role = 'customer'
      and m.created_at < now() - make_interval(secs => ${opts.minAgeS})
      and m.created_at > now() - make_interval(secs => ${opts.maxAgeS})
      and not exists (select 1 from messages r where r.reply_to = m.id)
      and m.created_at > coalesce(
        (select max(e.created_at) from conversation_events e
          where e.conversation_id = m.conversation_id and e.type = 'status_changed'),
        '-infinity'::timestamptz)
    order by m.created_at, m.seq
    limit ${opts.limit}`);
  return rows.map((r) => ({ messageId: r.id, conversationId: r.conversation_id, seq: Number(r.seq) }));
}
