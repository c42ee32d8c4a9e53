import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { QueueItem } from '@em/contracts/events';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Db } from '../client';
import { consoleUsers, conversationEvents, conversations, customers, messages } from '../schema/index';

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

/** Conversations waiting for a person: priority first, then the longest wait. */
export async function listQueue(db: Db, limit = 200): Promise<QueueItem[]> {
  const rows = await db
    .select({
      id: conversations.id,
      reason: conversations.escalationReason,
      priority: conversations.priority,
      waitingSince: conversations.waitingSince,
      updatedAt: conversations.updatedAt,
      customerName: customers.name,
      customerEmail: customers.email,
      lastMessage: lastCustomerText,
      sentiment: lastSentiment,
      detail: sql<string | null>`(
        select e.data->>'detail' from ${conversationEvents} e
        where e.conversation_id = ${conversations.id} and e.type = 'status_changed' and e.data->>'status' = 'waiting_human'
        order by e.id desc limit 1)`,
    })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .where(eq(conversations.status, 'waiting_human'))
    .orderBy(desc(conversations.priority), asc(conversations.waitingSince))
    .limit(limit);
  return rows.map((r) => ({
    conversationId: r.id,
    reason: r.reason ?? 'customer_request',
    priority: r.priority,
    waitingSince: (r.waitingSince ?? r.updatedAt).toISOString(),
    ...(r.customerName ? { customerName: r.customerName } : {}),
    ...(r.customerEmail ? { customerEmail: r.customerEmail } : {}),
    ...(r.lastMessage ? { lastMessage: r.lastMessage.slice(0, 200) } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    ...(r.sentiment ? { sentiment: r.sentiment } : {}),
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
    return { ok: true as const, status: to };
  });
}

/**
 * Exclusive claim: one conditional UPDATE … WHERE status='waiting_human' RETURNING. Postgres
 * serialises the two updates on the row lock; the second re-checks the WHERE and matches nothing.
 */
export function claimConversation(db: Db, conversationId: string, agentId: string) {
  return transition(
    db,
    conversationId,
    'human',
    eq(conversations.status, 'waiting_human'),
    { assignedAgentId: agentId, claimedAt: new Date(), handledByHuman: true, waitingSince: null },
    { agentId },
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
