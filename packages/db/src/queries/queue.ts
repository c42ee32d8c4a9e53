import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { QueueItem } from '@em/contracts/events';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Db } from '../client';
import { consoleUsers, conversationEvents, conversations, customers, messages } from '../schema/index';
import type { DbOrTx } from './conversations';
import { moveHandoffTickets, openHandoffTicketConversations, openHandoffTicketNumber } from './handoff-tickets';

/**
 * Queue priority (higher first). Weights: how much harm waiting does. A policy case (refund over a
 * limit, legal, safety) outranks an angry customer, who outranks a plain "talk to a person".
 */
const REASON_WEIGHT: Record<string, number> = {
  policy: 40,
  negative_sentiment: 30,
  timeout: 25,
  ai_failed: 25,
  customer_request: 20,
};
const SENTIMENT_WEIGHT: Record<string, number> = { very_negative: 20, negative: 10, neutral: 0, positive: 0 };
const URGENT_WEIGHT = 15;

export function queuePriority(s: { reason: string; sentiment?: string | null; urgent?: boolean }): number {
  return (REASON_WEIGHT[s.reason] ?? 10) + (s.sentiment ? (SENTIMENT_WEIGHT[s.sentiment] ?? 0) : 0) + (s.urgent ? URGENT_WEIGHT : 0);
}

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

/**
 * bot|resolved → waiting_human, conditionally, so two escalations of the same conversation (the
 * worker and the customer's button at once) announce it once. Returns false when it already was.
 */
export async function markWaitingHuman(db: Db, conversationId: string, e: { reason: string; detail?: string; priority: number }) {
  const now = new Date();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(conversations)
      .set({ status: 'waiting_human', waitingSince: now, updatedAt: now, assignedAgentId: null, escalationReason: e.reason, priority: e.priority })
      .where(and(eq(conversations.id, conversationId), inArray(conversations.status, ['bot', 'resolved'])))
      .returning({ id: conversations.id });
    if (!rows.length) return false;
    await tx.insert(conversationEvents).values({
      conversationId,
      type: 'status_changed',
      data: { status: 'waiting_human', reason: e.reason, ...(e.detail ? { detail: e.detail } : {}) },
    });
    return true;
  });
}

export interface Actor {
  userId: string;
  role: 'agent' | 'admin';
}

type Transition = { ok: true; status: ConversationStatus } | { ok: false; status: ConversationStatus | null };

async function transition(
  db: Db,
  conversationId: string,
  to: ConversationStatus,
  where: ReturnType<typeof and>,
  set: Partial<typeof conversations.$inferInsert>,
  event: Record<string, unknown>,
  /** Runs in the same transaction once the move succeeded (e.g. the handoff ticket's status). */
  after?: (tx: DbOrTx) => Promise<void>,
): Promise<Transition> {
  const now = new Date();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(conversations)
      .set({ status: to, updatedAt: now, ...set })
      .where(and(eq(conversations.id, conversationId), where))
      .returning({ id: conversations.id });
    if (!rows.length) {
      const [cur] = await tx.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, conversationId));
      return { ok: false as const, status: (cur?.status as ConversationStatus | undefined) ?? null };
    }
    await tx.insert(conversationEvents).values({ conversationId, type: 'status_changed', data: { status: to, ...event } });
    await after?.(tx);
    return { ok: true as const, status: to };
  });
}

/**
 * waiting_human → bot after the handoff opened ticket `ticketNumber` because nobody is online
 * (DESIGN §5: the customer is never left without answers). Only if still waiting: an agent who came
 * online and claimed it meanwhile wins. waitingSince stays, so the queue shows how long the ticket
 * has waited for a person.
 */
export function returnToBotWithTicket(db: Db, conversationId: string, ticketNumber: string) {
  return transition(db, conversationId, 'bot', eq(conversations.status, 'waiting_human'), { assignedAgentId: null }, {
    reason: 'no_agent_online',
    ticketNumber,
  });
}

/**
 * Exclusive claim: one conditional UPDATE … WHERE status='waiting_human' (or the AI serves it while
 * its handoff ticket is open) RETURNING. Postgres serialises the two updates on the row lock; the
 * second re-checks the WHERE and matches nothing. The AI's turn in flight loses too: commitTurn locks
 * the row and finds a human owner. The claimed ticket becomes `pending` so that a later hand-back
 * does not queue the conversation again.
 */
export function claimConversation(db: Db, conversationId: string, agentId: string) {
  return transition(
    db,
    conversationId,
    'human',
    or(eq(conversations.status, 'waiting_human'), awaitsTicketPickup),
    { assignedAgentId: agentId, claimedAt: new Date(), handledByHuman: true, waitingSince: null },
    { agentId },
    (tx) => moveHandoffTickets(tx, conversationId, ['open'], 'pending'),
  );
}

/** Only the owner (or an admin) may act on a claimed conversation. */
const ownedBy = (a: Actor) => (a.role === 'admin' ? sql`true` : eq(conversations.assignedAgentId, a.userId));

export function releaseToBot(db: Db, conversationId: string, a: Actor) {
  return transition(db, conversationId, 'bot', and(eq(conversations.status, 'human'), ownedBy(a)), { assignedAgentId: null, waitingSince: null }, {
    agentId: a.userId,
    reason: 'handed_back',
  });
}

export function resolveByAgent(db: Db, conversationId: string, a: Actor) {
  return transition(
    db,
    conversationId,
    'resolved',
    and(
      or(and(eq(conversations.status, 'human'), ownedBy(a)), a.role === 'admin' ? eq(conversations.status, 'waiting_human') : sql`false`),
    ),
    { resolvedAt: new Date(), waitingSince: null },
    { agentId: a.userId },
    // The chat's handoff ticket is settled with it: the customer got their person.
    (tx) => moveHandoffTickets(tx, conversationId, ['open', 'pending'], 'resolved'),
  );
}

/** Admin: give a waiting or claimed conversation to an active agent. */
export async function reassignConversation(db: Db, conversationId: string, agentId: string) {
  const [agent] = await db.select().from(consoleUsers).where(and(eq(consoleUsers.id, agentId), eq(consoleUsers.active, true)));
  if (!agent) return { ok: false as const, status: null, agent: null };
  const r = await transition(
    db,
    conversationId,
    'human',
    inArray(conversations.status, ['waiting_human', 'human']),
    { assignedAgentId: agentId, claimedAt: new Date(), handledByHuman: true, waitingSince: null },
    { agentId, reason: 'reassigned' },
  );
  return { ...r, agent: { id: agent.id, name: agent.name } };
}

/** Stamps the first human reply once (for first-response-time analytics). */
export async function markFirstHumanReply(db: Db, conversationId: string) {
  await db
    .update(conversations)
    .set({ firstHumanReplyAt: new Date() })
    .where(and(eq(conversations.id, conversationId), sql`${conversations.firstHumanReplyAt} is null`));
}
