import type { Db } from '@em/db/client';
import { createTicket } from '@em/db/queries/tickets';

// A retried job replays the turn: the same request within this window finds its ticket again
// instead of opening a second one (ms).
const REPLAY_WINDOW_MS = 15 * 60_000;

/**
 * Opens a ticket for the scoped customer (or, for a guest, for this conversation only),
 * idempotent per (customer or conversation, subject) over the replay window.
 */
export async function openTicketOnce(db: Db, t: { customerId: string | null; conversationId?: string; subject: string; priority: string }, now = new Date()) {
  const subject = t.subject.slice(0, 200);
  const since = new Date(now.getTime() - REPLAY_WINDOW_MS);
  // Relational query API: parameterised like the query builder, operators come with the callback.
  const existing = await db.query.supportTickets.findFirst({
    where: (tk, { and, eq, gte, isNull }) =>
      and(
        t.customerId ? eq(tk.customerId, t.customerId) : and(isNull(tk.customerId), eq(tk.conversationId, t.conversationId ?? '00000000-0000-0000-0000-000000000000')),
        eq(tk.subject, subject),
        gte(tk.createdAt, since),
      ),
    orderBy: (tk, { desc }) => [desc(tk.createdAt)],
  });
  if (existing) return existing;
  return createTicket(db, { customerId: t.customerId, conversationId: t.conversationId ?? null, subject, priority: t.priority });
}
