import { asc, eq } from 'drizzle-orm';
import type { CannedResponse } from '@em/contracts/rest';
import type { Db } from '../client';
import { cannedResponses } from '../schema/index';

export type { CannedResponse } from '@em/contracts/rest';

const columns = { id: cannedResponses.id, shortcut: cannedResponses.shortcut, title: cannedResponses.title, text: cannedResponses.text };

/** Starter set, inserted idempotently by the seed (existing shortcuts, edited by admins, are kept). */
export const DEFAULT_CANNED: Omit<CannedResponse, 'id'>[] = [
  { shortcut: 'hello', title: 'Greeting', text: 'Hi, I am here to help. Let me take a look at your conversation so far.' },
  { shortcut: 'sorry', title: 'Apology', text: 'I am sorry about the trouble this has caused. Let me put it right for you.' },
  { shortcut: 'returns', title: 'Return policy', text: 'You can return any item within 30 days of delivery for a full refund; I can start the return for you now.' },
  { shortcut: 'shipping', title: 'Shipping times', text: 'Standard shipping takes 3–5 business days and is free over $50; express takes 1–2 business days for $14.99.' },
  { shortcut: 'warranty', title: 'Warranty', text: 'Every product comes with a 12-month standard warranty covering manufacturing defects.' },
  { shortcut: 'bye', title: 'Closing', text: 'Is there anything else I can help you with today? If not, I will close this chat — thanks for your patience!' },
];

export async function listCanned(db: Db): Promise<CannedResponse[]> {
  return db.select(columns).from(cannedResponses).orderBy(asc(cannedResponses.shortcut));
}

/** null when the shortcut is taken (unique index). */
export async function createCanned(db: Db, c: Omit<CannedResponse, 'id'>): Promise<CannedResponse | null> {
  const rows = await db.insert(cannedResponses).values(c).onConflictDoNothing().returning(columns);
  return rows[0] ?? null;
}

export async function updateCanned(db: Db, id: string, c: Partial<Omit<CannedResponse, 'id'>>): Promise<CannedResponse | null> {
  const rows = await db.update(cannedResponses).set(c).where(eq(cannedResponses.id, id)).returning(columns);
  return rows[0] ?? null;
}

export async function deleteCanned(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(cannedResponses).where(eq(cannedResponses.id, id)).returning({ id: cannedResponses.id });
  return rows.length > 0;
}
