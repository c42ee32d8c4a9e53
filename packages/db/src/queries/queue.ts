import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { QueueItem } from '@em/contracts/events';
import type { Db } from '../client';
import { conversationEvents, conversations, customers, messages } from '../schema/index';
import { openHandoffTicketConversations, openHandoffTicketNumber } from './handoff-tickets';

/** Text of the newest customer message, for queue rows and search results. */
export const lastCustomerText = sql<string | null>`(
  select m.text from ${messages} m
  where m.conversation_id = ${conversations.id} and m.role = 'customer'
  order by m.seq desc limit 1)`;
/** Sentiment the AI read on the customer's latest turn (stored on its reply). */
const lastSentiment = sql<string | null>`(
  select m.sentiment->>'label' from ${messages} m
  where m.conversation_id = ${conversations.id} and m.sentiment is not null
  order by m.seq desc limit 1)`;

/** The AI answers it, but a handoff ticket opened while nobody was online still waits for a person. */
const awaitsTicketPickup = and(eq(conversations.status, 'bot'), sql`${conversations.id} in ${openHandoffTicketConversations}`);
const isWaiting = sql<boolean>`${conversations.status} = 'waiting_human'`;

/**
 * Conversations waiting for a person: those waiting live (the AI is silent) first, then those the AI
 * serves meanwhile but whose handoff ticket is still open (DESIGN §5: the first agent online sees
 * them); within each, priority first, then the longest wait.
 */
export async function listQueue(db: Db, limit = 200): Promise<QueueItem[]> {
  const rows = await db
    .select({
      id: conversations.id,
      status: conversations.status,
      reason: conversations.escalationReason,
      priority: conversations.priority,
      waitingSince: conversations.waitingSince,
      updatedAt: conversations.updatedAt,
      customerName: customers.name,
      customerEmail: customers.email,
      lastMessage: lastCustomerText,
      sentiment: lastSentiment,
      ticketNumber: openHandoffTicketNumber(conversations.id),
      detail: sql<string | null>`(
        select e.data->>'detail' from ${conversationEvents} e
        where e.conversation_id = ${conversations.id} and e.type = 'status_changed' and e.data->>'status' = 'waiting_human'
        order by e.id desc limit 1)`,
    })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .where(or(eq(conversations.status, 'waiting_human'), awaitsTicketPickup))
    .orderBy(desc(isWaiting), desc(conversations.priority), asc(conversations.waitingSince))
    .limit(limit);
  return rows.map((r) => ({
    conversationId: r.id,
    reason: r.reason ?? 'customer_request',
    priority: r.priority,
    waitingSince: (r.waitingSince ?? r.updatedAt).toISOString(),
    status: r.status === 'bot' ? ('bot' as const) : ('waiting_human' as const),
    ...(r.customerName ? { customerName: r.customerName } : {}),
    ...(r.customerEmail ? { customerEmail: r.customerEmail } : {}),
    ...(r.lastMessage ? { lastMessage: r.lastMessage.slice(0, 200) } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.sentiment ? { sentiment: r.sentiment } : {}),
    ...(r.ticketNumber ? { ticketNumber: r.ticketNumber } : {}),
  }));
}
