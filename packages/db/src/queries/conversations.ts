import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { ConversationStatus, Message, MessageMeta } from '@em/contracts/schemas';
import type { AnalyticsEventData, AnalyticsEventType } from '@em/contracts/analytics';
import type { Db, DbOrTx } from '../client';
import { conversationEvents, conversations, customers, messages } from '../schema/index';
import { hasOpenHandoffTicket } from './handoff-tickets';
import { linkAttachments, withAttachments, type Uploader } from './attachments';

type MessageRow = typeof messages.$inferSelect;
export type { DbOrTx } from '../client';

export function toMessage(row: MessageRow): Message {
  const meta: MessageMeta = {};
  if (row.route) meta.route = row.route;
  if (row.sentiment) meta.sentiment = row.sentiment;
  if (row.sources?.length) meta.sources = row.sources;
  if (row.language) meta.language = row.language;
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    role: row.role as Message['role'],
    ...(row.agent ? { agent: row.agent as Message['agent'] } : {}),
    ...(row.authorName ? { authorName: row.authorName } : {}),
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    ...(row.clientMessageId ? { clientMessageId: row.clientMessageId } : {}),
    ...(row.replyTo ? { replyTo: row.replyTo } : {}),
    ...(Object.keys(meta).length ? { meta } : {}),
  };
}

export async function createConversation(db: Db, input: { siteKey: string; customerId?: string | null }) {
  const [row] = await db
    .insert(conversations)
    .values({ siteKey: input.siteKey, customerId: input.customerId ?? null })
    .returning();
  return row!;
}

export async function getConversation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
  return row ?? null;
}

export async function listMessages(db: DbOrTx, conversationId: string, afterSeq = 0, limit = 500): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq))
    .limit(limit);
  return withAttachments(db, rows.map(toMessage));
}

export interface NewMessage {
  /** Preset id, so a streamed reply's deltas and its final message share one id. */
  id?: string;
  conversationId: string;
  role: Message['role'];
  text: string;
  agent?: Message['agent'] | null;
  authorName?: string | null;
  clientMessageId?: string | null;
  replyTo?: string | null;
  route?: MessageMeta['route'] | null;
  sentiment?: MessageMeta['sentiment'] | null;
  sources?: string[] | null;
  details?: Record<string, unknown> | null;
  /** Uploads to link to this message in its transaction (issue 20): the sender's own, unsent ones only. */
  attach?: { uploader: Uploader; ids: string[] };
}

/**
 * Appends a message with the next seq. The conversation row is bumped with UPDATE … RETURNING,
 * which takes its row lock until commit, so concurrent appends get consecutive, gap-free seqs.
 * Returns null when the unique keys (client message id, reply_to) say it already exists:
 * the transaction rolls back and the seq is not consumed.
 */
export async function appendMessage(db: DbOrTx, m: NewMessage): Promise<Message | null> {
  try {
    return await db.transaction(async (tx) => {
      const [conv] = await tx
        .update(conversations)
        // Not updated_at: it is indexed (status, updated_at), so bumping it per message made every
        // append a non-HOT update of four indexes (issue 18); it changes with the status (setStatus).
        .set({ lastSeq: sql`${conversations.lastSeq} + 1`, lastMessageAt: new Date() })
        .where(eq(conversations.id, m.conversationId))
        .returning({ seq: conversations.lastSeq });
      if (!conv) throw new Error(`conversation ${m.conversationId} not found`);
      const [row] = await tx
        .insert(messages)
        .values({
          ...(m.id ? { id: m.id } : {}),
          conversationId: m.conversationId,
          seq: conv.seq,
          role: m.role,
          text: m.text,
          agent: m.agent ?? null,
          authorName: m.authorName ?? null,
          clientMessageId: m.clientMessageId ?? null,
          replyTo: m.replyTo ?? null,
          route: m.route ?? null,
          sentiment: m.sentiment ?? null,
          sources: m.sources ?? null,
          details: m.details ?? null,
        })
        .returning();
      const message = toMessage(row!);
      // After the insert: a repeat (same clientMessageId) is caught by the unique index above and
      // acks the first message, before its already-linked files could be refused as used.
      const linked = m.attach?.ids.length ? await linkAttachments(tx, { conversationId: m.conversationId, messageId: message.id, ...m.attach }) : [];
      return linked.length ? { ...message, attachments: linked } : message;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function findByClientMessageId(db: DbOrTx, conversationId: string, clientMessageId: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.clientMessageId, clientMessageId)));
  return row ? toMessage(row) : null;
}

export async function findReplyTo(db: DbOrTx, messageId: string) {
  const [row] = await db.select().from(messages).where(eq(messages.replyTo, messageId));
  return row ? toMessage(row) : null;
}

export async function getMessage(db: DbOrTx, id: string) {
  const [row] = await db.select().from(messages).where(eq(messages.id, id));
  return row ? ((await withAttachments(db, [toMessage(row)]))[0] ?? null) : null;
}

/** What the state machine (@em/conversations/machine) needs of a conversation, read under its row lock. */
export interface LockedConversation {
  id: string;
  status: ConversationStatus;
  assignedAgentId: string | null;
  customerId: string | null;
  /** Whose widget it came from: the site's business hours decide a hand-over (issue 20). */
  siteKey: string;
  /** An open handoff ticket waits for a person (handoff-tickets.ts). */
  openTicket: boolean;
}

/**
 * Reads the conversation with `SELECT … FOR UPDATE`: inside `tx`, no other status change or AI
 * commit of this conversation interleaves until the transaction ends. Null when it does not exist.
 */
export async function lockConversation(tx: DbOrTx, id: string): Promise<LockedConversation | null> {
  const [row] = await tx
    .select({
      id: conversations.id,
      status: conversations.status,
      assignedAgentId: conversations.assignedAgentId,
      customerId: conversations.customerId,
      siteKey: conversations.siteKey,
      openTicket: hasOpenHandoffTicket(sql`${conversations}.${sql.identifier('id')}`),
    })
    .from(conversations)
    .where(eq(conversations.id, id))
    .for('update', { of: conversations });
  return row ? { ...row, status: row.status as ConversationStatus } : null;
}

export interface StatusChange {
  reason?: string;
  detail?: string;
  agentId?: string;
  ticketNumber?: string;
  /** Queue priority while waiting (set by the caller's policy). */
  priority?: number;
  /** Back with the AI but the handoff ticket still waits: the queue keeps showing how long. */
  keepWaitingSince?: boolean;
}

/**
 * Writes a status and its `status_changed` event (see @em/contracts/analytics) in one transaction,
 * keeping the denormalised queue/analytics columns in step: waitingSince while waiting, claimedAt
 * and handledByHuman once a person owns it, resolvedAt when resolved. Whether the move is allowed is
 * not decided here: @em/conversations checks its state machine under lockConversation first.
 */
export async function setStatus(db: DbOrTx, conversationId: string, status: ConversationStatus, data: StatusChange = {}) {
  const now = new Date();
  const { priority, keepWaitingSince, ...event } = data;
  await db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set({
        status,
        updatedAt: now,
        ...(status === 'waiting_human'
          ? { waitingSince: now, assignedAgentId: null, ...(data.reason ? { escalationReason: data.reason } : {}) }
          : keepWaitingSince
            ? {}
            : { waitingSince: null }),
        ...(priority !== undefined ? { priority } : {}),
        ...(status === 'human' ? { claimedAt: now, handledByHuman: true, ...(data.agentId ? { assignedAgentId: data.agentId } : {}) } : {}),
        ...(status === 'bot' ? { assignedAgentId: null } : {}),
        ...(status === 'resolved' ? { resolvedAt: now } : {}),
      })
      .where(eq(conversations.id, conversationId));
    await tx.insert(conversationEvents).values({ conversationId, type: 'status_changed', data: { status, ...event } });
  });
}

/** Stamps the first human reply once (for first-response-time analytics). */
export async function markFirstHumanReply(db: DbOrTx, conversationId: string) {
  await db
    .update(conversations)
    .set({ firstHumanReplyAt: new Date() })
    .where(and(eq(conversations.id, conversationId), sql`${conversations.firstHumanReplyAt} is null`));
}

/** The customer's id and email (if known), e.g. to say whether a ticket can be followed up by email. */
export async function getConversationContact(db: DbOrTx, conversationId: string) {
  const [row] = await db
    .select({ customerId: conversations.customerId, email: customers.email })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .where(eq(conversations.id, conversationId));
  return row ?? null;
}

/** Appends to the analytics log; the type and data shape are checked by @em/contracts/analytics. */
export async function recordEvent<T extends AnalyticsEventType>(
  db: DbOrTx,
  conversationId: string,
  type: T,
  data: AnalyticsEventData<T>,
) {
  await db.insert(conversationEvents).values({ conversationId, type, data: data as Record<string, unknown> });
}

/** Stores the customer's CSAT on the conversation (latest wins) and logs `rated`. */
export async function rateConversation(db: DbOrTx, conversationId: string, score: number, comment?: string) {
  await db.transaction(async (tx) => {
    await tx
      .update(conversations)
      .set({ csatScore: score, csatComment: comment ?? null })
      .where(eq(conversations.id, conversationId));
    await tx
      .insert(conversationEvents)
      .values({ conversationId, type: 'rated', data: { score, ...(comment ? { comment } : {}) } });
  });
}

export function isUniqueViolation(err: unknown): boolean {
  // postgres.js raises PostgresError with SQLSTATE in .code; drizzle may wrap it in .cause.
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
