import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import { conversations, customers, mailOutbox, messages } from '../schema/index';

/** What follow-up mail is about (mail_outbox.kind). */
export type MailKind = 'ticket_confirmation' | 'agent_reply' | 'transcript';
/** queued → sent, or queued → failed after the last attempt (the row and its text stay). */
export type MailStatus = 'queued' | 'sent' | 'failed';

export type MailRow = typeof mailOutbox.$inferSelect;

export interface NewMail {
  conversationId: string | null;
  kind: MailKind;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody?: string | null;
}

/** The outbox row is written first (status queued), so a send that never happens is still on record. */
export async function insertMail(db: DbOrTx, m: NewMail): Promise<MailRow> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ ...m, htmlBody: m.htmlBody ?? null })
    .returning();
  return row!;
}

export async function getMail(db: DbOrTx, id: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export async function markMailSent(db: DbOrTx, id: string, attempts: number) {
  await db.update(mailOutbox).set({ status: 'sent', attempts, lastError: null, sentAt: new Date() }).where(eq(mailOutbox.id, id));
}

/** A failed attempt: counted with its error; `failed` once no attempt is left (queued otherwise). */
export async function markMailAttempt(db: DbOrTx, id: string, input: { attempts: number; lastError: string; failed: boolean }) {
  await db
    .update(mailOutbox)
    .set({ attempts: input.attempts, lastError: input.lastError.slice(0, 500), status: input.failed ? 'failed' : 'queued' })
    .where(eq(mailOutbox.id, id));
}

/** An agent's "send again": back to queued, attempts kept (they are history). */
export async function requeueMail(db: DbOrTx, id: string) {
  const [row] = await db
    .update(mailOutbox)
    .set({ status: 'queued' })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
    .returning({ id: mailOutbox.id });
  return !!row;
}

/** A conversation's mail, newest first, for the console brief. */
export function listConversationMails(db: DbOrTx, conversationId: string, limit = 50) {
  return db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.conversationId, conversationId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}

/** Rows still queued after `olderThanS` seconds: their job may have been lost (Redis down at enqueue). */
export function listStaleQueuedMails(db: Db, olderThanS: number, limit = 200) {
  return db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'queued'), lt(mailOutbox.createdAt, sql`now() - make_interval(secs => ${olderThanS})`)))
    .orderBy(asc(mailOutbox.createdAt))
    .limit(limit);
}

/** Whether a mail of this kind whose subject names `token` (e.g. a ticket number) was already written. */
export async function hasMailNaming(db: DbOrTx, conversationId: string, kind: MailKind, token: string) {
  const [row] = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.conversationId, conversationId), eq(mailOutbox.kind, kind), sql`position(${token} in ${mailOutbox.subject}) > 0`))
    .limit(1);
  return !!row;
}

/** Where follow-up mail can go: the address the customer gave, else a verified customer's own. */
export async function getFollowUpContact(db: DbOrTx, conversationId: string) {
  const [row] = await db
    .select({
      siteKey: conversations.siteKey,
      customerId: conversations.customerId,
      contactEmail: conversations.contactEmail,
      customerEmail: customers.email,
      emailRequestedAt: conversations.emailRequestedAt,
    })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .where(eq(conversations.id, conversationId));
  if (!row) return null;
  return { ...row, email: row.contactEmail ?? row.customerEmail ?? null };
}

/** Stores the address to write to and ends any pending request for it. */
export async function setContactEmail(db: DbOrTx, conversationId: string, email: string) {
  await db.update(conversations).set({ contactEmail: email, emailRequestedAt: null }).where(eq(conversations.id, conversationId));
}

/** Marks that the chat asked for an address; returns false when it already had (ask once). */
export async function markEmailRequested(db: DbOrTx, conversationId: string) {
  const rows = await db
    .update(conversations)
    .set({ emailRequestedAt: new Date() })
    .where(and(eq(conversations.id, conversationId), sql`${conversations.emailRequestedAt} is null`, sql`${conversations.contactEmail} is null`))
    .returning({ id: conversations.id });
  return rows.length > 0;
}

/** Agents' replies written in [since, until): one batch of "replied while you were away" mail. */
export function humanRepliesBetween(db: DbOrTx, conversationId: string, since: Date, until: Date) {
  return db
    .select({ id: messages.id, seq: messages.seq, authorName: messages.authorName, text: messages.text, createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.role, 'human'), gte(messages.createdAt, since), lt(messages.createdAt, until)))
    .orderBy(asc(messages.seq));
}

/** When a stored message was written (the database's clock, which batches agent replies). */
export async function messageCreatedAt(db: DbOrTx, messageId: string): Promise<Date | null> {
  const [row] = await db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.id, messageId));
  return row?.createdAt ?? null;
}
