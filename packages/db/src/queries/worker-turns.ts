import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AnalyticsEventData } from '@em/contracts/analytics';
import type { Message } from '@em/contracts/schemas';
import type { Db } from '../client';
import { conversationEvents, conversations, messages } from '../schema/index';
import { appendMessage, recordEvent, setStatus, type DbOrTx, type NewMessage } from './conversations';

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

/**
 * The earliest customer message before `seq` that the AI still owes an answer: no reply row and
 * written since the last ownership change. A job for `seq` waits while one exists (strict order).
 */
export async function firstUnansweredBefore(db: Db, conversationId: string, seq: number) {
  // One round trip: this runs for every job start, including the ones that must wait.
  const [row] = await db
    .select({ id: messages.id, seq: messages.seq })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.role, 'customer'),
        lt(messages.seq, seq),
        sql`${messages.createdAt} > coalesce((select max(e.created_at) from ${conversationEvents} e
          where e.conversation_id = ${conversationId} and e.type = 'status_changed'), '-infinity'::timestamptz)`,
        sql`not exists (select 1 from ${messages} r where r.reply_to = ${messages.id})`,
      ),
    )
    .orderBy(messages.seq)
    .limit(1);
  return row ?? null;
}

export interface TurnCommit {
  reply: NewMessage & { replyTo: string };
  aiReply?: Omit<AnalyticsEventData<'ai_reply'>, 'messageId'>;
  handoffs?: AnalyticsEventData<'agent_handoff'>[];
  jobFailed?: Omit<AnalyticsEventData<'job_failed'>, 'messageId'>;
}

export type TurnCommitResult =
  | { kind: 'stored'; reply: Message }
  | { kind: 'duplicate' }
  | { kind: 'not_owner'; status: string };

/**
 * Writes one AI turn in one transaction: the reply (unique on reply_to) and its analytics events
 * (`ai_reply`, one `agent_handoff` per specialist handoff, or `job_failed` for an apology). The
 * conversation row is locked first, so a handover to a human that commits meanwhile wins and the AI
 * stays silent; a resolved conversation the customer wrote to again goes back to the bot (DESIGN §5).
 */
export async function commitTurn(db: Db, turn: TurnCommit): Promise<TurnCommitResult> {
  const conversationId = turn.reply.conversationId;
  return db.transaction(async (tx) => {
    const [conv] = await tx
      .select({ status: conversations.status })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for('update');
    if (!conv) throw new Error(`conversation ${conversationId} not found`);
    if (conv.status === 'waiting_human' || conv.status === 'human') return { kind: 'not_owner', status: conv.status } as const;
    const reply = await appendMessage(tx, turn.reply);
    if (!reply) return { kind: 'duplicate' } as const;
    if (conv.status === 'resolved') await setStatus(tx, conversationId, 'bot', { reason: 'customer_wrote_again' });
    if (turn.aiReply) await recordEvent(tx, conversationId, 'ai_reply', { messageId: reply.id, ...turn.aiReply });
    for (const h of turn.handoffs ?? []) await recordEvent(tx, conversationId, 'agent_handoff', h);
    if (turn.jobFailed) await recordEvent(tx, conversationId, 'job_failed', { messageId: turn.reply.replyTo, ...turn.jobFailed });
    return { kind: 'stored', reply } as const;
  });
}

/** The free-form `details` a worker stored with a reply (timings, memory, pending escalation). */
export async function getMessageDetails(db: DbOrTx, messageId: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.select({ details: messages.details }).from(messages).where(eq(messages.id, messageId));
  return (row?.details as Record<string, unknown> | null | undefined) ?? null;
}
