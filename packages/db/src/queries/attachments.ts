import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '@em/contracts/errors';
import type { Attachment, AttachmentMime, Message } from '@em/contracts/schemas';
import type { DbOrTx } from '../client';
import { attachments } from '../schema/index';

type AttachmentRow = typeof attachments.$inferSelect;

/** Who uploaded a file: the conversation's customer session, or a console user. */
export interface Uploader {
  kind: 'customer' | 'agent';
  /** The conversation id for a customer (their session names it), the console user's id for an agent. */
  id: string;
}

/**
 * The download path, relative to the gateway (DESIGN §10 `url`): fetched with the customer's session
 * token or the console token. Stable, so a transcript read tomorrow still links to the file.
 */
export const attachmentPath = (id: string) => `/chat/attachments/${id}`;

export const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  name: row.name,
  mime: row.mime as AttachmentMime,
  size: row.size,
  url: attachmentPath(row.id),
});

export interface NewAttachment {
  conversationId: string;
  uploader: Uploader;
  name: string;
  mime: AttachmentMime;
  size: number;
  storageKey: string;
}

export async function insertAttachment(db: DbOrTx, a: NewAttachment & { id: string }) {
  const [row] = await db
    .insert(attachments)
    .values({
      id: a.id,
      conversationId: a.conversationId,
      uploaderKind: a.uploader.kind,
      uploaderId: a.uploader.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      storageKey: a.storageKey,
    })
    .returning();
  return row!;
}

export async function getAttachmentRow(db: DbOrTx, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * Links uploads to the message just inserted, inside the caller's transaction (appendMessage), so a
 * message never exists without its files nor a file stays half-claimed. Only the sender's own, unused
 * uploads in this conversation qualify: any other id (someone else's, another conversation's, already
 * sent, unknown) refuses the whole message with `forbidden` and the transaction rolls back.
 */
export async function linkAttachments(tx: DbOrTx, input: { conversationId: string; messageId: string; uploader: Uploader; ids: string[] }): Promise<Attachment[]> {
  if (!input.ids.length) return [];
  const rows = await tx
    .update(attachments)
    .set({ messageId: input.messageId })
    .where(
      and(
        inArray(attachments.id, input.ids),
        eq(attachments.conversationId, input.conversationId),
        eq(attachments.uploaderKind, input.uploader.kind),
        eq(attachments.uploaderId, input.uploader.id),
        isNull(attachments.messageId),
      ),
    )
    .returning();
  if (rows.length !== new Set(input.ids).size) {
    throw new AppError('forbidden', 'Attach only files you uploaded to this conversation and have not sent yet.');
  }
  // In the order the sender listed them.
  return input.ids.map((id) => toAttachment(rows.find((r) => r.id === id)!));
}

/** The attachments of these messages, by message id (for transcripts and history). */
export async function attachmentsByMessage(db: DbOrTx, messageIds: string[]): Promise<Map<string, Attachment[]>> {
  const out = new Map<string, Attachment[]>();
  if (!messageIds.length) return out;
  const rows = await db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.createdAt));
  for (const r of rows) out.set(r.messageId!, [...(out.get(r.messageId!) ?? []), toAttachment(r)]);
  return out;
}

/** Adds each message's attachments (only to those that have some: other messages keep their shape). */
export async function withAttachments<M extends Pick<Message, 'id'>>(db: DbOrTx, list: M[]): Promise<(M & { attachments?: Attachment[] })[]> {
  const found = await attachmentsByMessage(
    db,
    list.map((m) => m.id),
  );
  if (!found.size) return list;
  return list.map((m) => (found.has(m.id) ? { ...m, attachments: found.get(m.id)! } : m));
}

/** Every sent file of a conversation (the console brief), oldest first. */
export async function listConversationAttachments(db: DbOrTx, conversationId: string): Promise<(Attachment & { messageId: string; uploaderKind: string })[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.conversationId, conversationId)))
    .orderBy(asc(attachments.createdAt));
  return rows.filter((r) => r.messageId).map((r) => ({ ...toAttachment(r), messageId: r.messageId!, uploaderKind: r.uploaderKind }));
}

/** How many uploads a sender has not sent yet (caps abandoned uploads per session). */
export async function countUnsent(db: DbOrTx, conversationId: string, uploader: Uploader): Promise<number> {
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.conversationId, conversationId),
        eq(attachments.uploaderKind, uploader.kind),
        eq(attachments.uploaderId, uploader.id),
        isNull(attachments.messageId),
      ),
    );
  return rows.length;
}
