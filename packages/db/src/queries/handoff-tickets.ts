import { and, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { conversationEvents, supportTickets } from '../schema/index';

/**
 * Tickets the handoff opened because nobody was online (DESIGN §5). They are told apart from
 * tickets the AI's support agent opens for the same conversation by the `ticket_created` event the
 * handoff writes (its data names the ticket), not by the subject text, which may be reworded.
 *
 * Status lifecycle (support_tickets.status): `open` while no person has taken the chat (the console
 * queue lists the conversation), `pending` once an agent claims it (a later hand-back to the AI does
 * not put it in the queue again), `resolved` when the agent resolves the conversation.
 */
const isHandoffTicket = sql`exists (select 1 from ${conversationEvents} e
  where e.conversation_id = ${supportTickets.conversationId} and e.type = 'ticket_created'
    and e.data->>'ticketNumber' = ${supportTickets.ticketNumber})`;

/**
 * Conversation ids with an open handoff ticket, as an uncorrelated subquery for `id in (…)`:
 * Postgres computes it once (a hashed subplan) instead of once per conversation row.
 */
export const openHandoffTicketConversations = sql`(select ${supportTickets.conversationId} from ${supportTickets}
  where ${supportTickets.status} = 'open' and ${supportTickets.conversationId} is not null and ${isHandoffTicket})`;

/**
 * The open handoff tickets of one conversation (`conversationId`: a value, or the outer query's
 * column, qualified: drizzle writes a one-table select's columns bare, and a bare "id" here would be
 * the ticket's). An index probe on its own tickets (tickets_conversation_idx), for one row at a time.
 */
const openHandoffTicketsOf = (conversationId: AnyColumn | SQL | string) =>
  sql`${supportTickets.conversationId} = ${conversationId} and ${supportTickets.status} = 'open' and ${isHandoffTicket}`;

/** Whether the conversation has an open handoff ticket (lockConversation: may an agent claim it from the AI). */
export const hasOpenHandoffTicket = (conversationId: AnyColumn | SQL) =>
  sql<boolean>`exists (select 1 from ${supportTickets} where ${openHandoffTicketsOf(conversationId)})`;

/** The newest open handoff ticket number of the conversation in column `conversationId` (a scalar subquery). */
export const openHandoffTicketNumber = (conversationId: AnyColumn | SQL) => sql<string | null>`(
  select ${supportTickets.ticketNumber} from ${supportTickets}
  where ${openHandoffTicketsOf(conversationId)}
  order by ${supportTickets.id} desc limit 1)`;

export async function findOpenHandoffTicket(db: DbOrTx, conversationId: string): Promise<string | null> {
  const [row] = await db
    .select({ n: supportTickets.ticketNumber })
    .from(supportTickets)
    .where(openHandoffTicketsOf(conversationId))
    .orderBy(desc(supportTickets.id))
    .limit(1);
  return row?.n ?? null;
}

/** Moves the conversation's handoff tickets in `from` to `to` (claim: open → pending; resolve: → resolved). */
export async function moveHandoffTickets(db: DbOrTx, conversationId: string, from: string[], to: 'pending' | 'resolved') {
  await db
    .update(supportTickets)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(supportTickets.conversationId, conversationId), inArray(supportTickets.status, from), isHandoffTicket));
}
