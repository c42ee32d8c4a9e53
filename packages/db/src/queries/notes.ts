import { asc, eq } from 'drizzle-orm';
import type { ConsoleNote } from '@em/contracts/events';
import type { Db } from '../client';
import { consoleUsers, conversationNotes } from '../schema/index';

/** Private notes: visible in the console only, never sent to the customer. */
export async function addNote(db: Db, n: { conversationId: string; authorId: string; text: string }): Promise<ConsoleNote> {
  const [row] = await db.insert(conversationNotes).values(n).returning();
  const [author] = await db.select({ name: consoleUsers.name }).from(consoleUsers).where(eq(consoleUsers.id, n.authorId));
  return toNote({ ...row!, authorName: author?.name ?? 'Agent' });
}

export async function listNotes(db: Db, conversationId: string): Promise<ConsoleNote[]> {
  const rows = await db
    .select({
      id: conversationNotes.id,
      conversationId: conversationNotes.conversationId,
      authorId: conversationNotes.authorId,
      authorName: consoleUsers.name,
      text: conversationNotes.text,
      createdAt: conversationNotes.createdAt,
    })
    .from(conversationNotes)
    .innerJoin(consoleUsers, eq(consoleUsers.id, conversationNotes.authorId))
    .where(eq(conversationNotes.conversationId, conversationId))
    .orderBy(asc(conversationNotes.createdAt));
  return rows.map(toNote);
}

function toNote(r: { id: string; conversationId: string; authorId: string; authorName: string; text: string; createdAt: Date }): ConsoleNote {
  return { ...r, createdAt: r.createdAt.toISOString() };
}
