import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { EscalationReason } from '@em/contracts/analytics';
import type { ConversationDetailResponse, ConversationListResponse } from '@em/contracts/rest';
import type { z } from 'zod';
import { AgentName, Role } from '@em/contracts/schemas';
import type { Db } from '../client';
import { withAttachments } from './attachments';
import { consoleUsers, conversationEvents, conversations, customers, messages, orders } from '../schema/index';
import { lastCustomerText } from './queue';

export const CONVERSATION_VIEWS = ['waiting', 'mine', 'open', 'resolved', 'all'] as const;
export type ConversationView = (typeof CONVERSATION_VIEWS)[number];

export interface ConversationFilter {
  view: ConversationView;
  /** The signed-in console user (for `mine`). */
  agentId: string;
  q?: string;
  page: number;
  pageSize: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Text columns the writers fill from @em/contracts enums, checked on the way out (a bad row fails loudly). */
const reasonOf = (r: string | null) => EscalationReason.nullable().parse(r);

function whereFor(f: ConversationFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.view === 'waiting') parts.push(eq(conversations.status, 'waiting_human'));
  if (f.view === 'mine') parts.push(and(eq(conversations.status, 'human'), eq(conversations.assignedAgentId, f.agentId)));
  if (f.view === 'open') parts.push(inArray(conversations.status, ['bot', 'waiting_human', 'human']));
  if (f.view === 'resolved') parts.push(eq(conversations.status, 'resolved'));
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    parts.push(
      or(
        ilike(customers.name, like),
        ilike(customers.email, like),
        sql`${conversations.id}::text like ${`${escapeLike(q.toLowerCase())}%`}`,
        sql`exists (select 1 from ${messages} m where m.conversation_id = ${conversations.id} and m.text ilike ${like})`,
      ),
    );
  }
  return and(...parts);
}

/** The console's conversation lists (by status view, full-text-ish search, paginated). */
export async function listConversations(db: Db, f: ConversationFilter): Promise<ConversationListResponse> {
  const where = whereFor(f);
  const base = db
    .select({
      id: conversations.id,
      status: conversations.status,
      customerName: customers.name,
      customerEmail: customers.email,
      escalationReason: conversations.escalationReason,
      priority: conversations.priority,
      assignedAgentId: conversations.assignedAgentId,
      assignedAgentName: consoleUsers.name,
      waitingSince: conversations.waitingSince,
      lastMessageAt: conversations.lastMessageAt,
      createdAt: conversations.createdAt,
      csatScore: conversations.csatScore,
      lastMessage: lastCustomerText,
    })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(consoleUsers, eq(consoleUsers.id, conversations.assignedAgentId));
  const order =
    f.view === 'waiting' ? [desc(conversations.priority), asc(conversations.waitingSince)] : [desc(conversations.lastMessageAt)];
  const [rows, [count]] = await Promise.all([
    base
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .leftJoin(customers, eq(customers.id, conversations.customerId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      escalationReason: reasonOf(r.escalationReason),
      waitingSince: r.waitingSince?.toISOString() ?? null,
      lastMessageAt: r.lastMessageAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      lastMessage: r.lastMessage?.slice(0, 200) ?? null,
    })),
    total: count?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
export type ConversationListItem = ConversationListResponse['items'][number];

/** The detail without what the gateway adds (notes, handoff brief, drafted reply); `details` as stored. */
export type ConversationDetail = Omit<z.input<typeof ConversationDetailResponse>, 'notes' | 'brief' | 'suggestedReply'>;

/** Everything the conversation view needs: transcript rows with per-turn details, events, customer, orders. */
export async function getConversationDetail(db: Db, id: string): Promise<ConversationDetail | null> {
  const [conv] = await db
    .select({ c: conversations, agentName: consoleUsers.name })
    .from(conversations)
    .leftJoin(consoleUsers, eq(consoleUsers.id, conversations.assignedAgentId))
    .where(eq(conversations.id, id));
  if (!conv) return null;
  const c = conv.c;
  const [customerRows, orderRows, messageRows, eventRows] = await Promise.all([
    c.customerId ? db.select().from(customers).where(eq(customers.id, c.customerId)) : Promise.resolve([]),
    c.customerId
      ? db.select().from(orders).where(eq(orders.customerId, c.customerId)).orderBy(desc(orders.createdAt))
      : Promise.resolve([]),
    db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.seq)),
    db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).orderBy(asc(conversationEvents.id)),
  ]);
  const customer = customerRows[0];
  return {
    conversation: {
      id: c.id,
      status: c.status,
      siteKey: c.siteKey,
      escalationReason: reasonOf(c.escalationReason),
      priority: c.priority,
      assignedAgentId: c.assignedAgentId,
      assignedAgentName: conv.agentName,
      waitingSince: c.waitingSince?.toISOString() ?? null,
      claimedAt: c.claimedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      csatScore: c.csatScore,
      csatComment: c.csatComment,
    },
    customer: customer ? { id: customer.id, name: customer.name, email: customer.email, verified: true } : null,
    orders: orderRows.map((o) => ({
      orderNumber: o.orderNumber,
      status: o.status,
      totalCents: o.totalCents,
      carrier: o.carrier,
      trackingNumber: o.trackingNumber,
      expectedDelivery: o.expectedDelivery,
      createdAt: o.createdAt.toISOString(),
    })),
    messages: messageRows.map((m) => ({
      id: m.id,
      seq: m.seq,
      role: Role.parse(m.role),
      agent: AgentName.nullable().parse(m.agent),
      authorName: m.authorName,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
      replyTo: m.replyTo,
      route: m.route ?? null,
      sentiment: m.sentiment ?? null,
      sources: m.sources ?? [],
      details: m.details ?? null,
      language: m.language ?? null,
    })),
    events: eventRows.map((e) => ({ id: e.id, type: e.type, data: e.data, createdAt: e.createdAt.toISOString() })),
  };
}

/** getConversationDetail with each message's files (issue 20), for the console transcript and brief. */
export async function getConversationDetailWithAttachments(db: Db, id: string): Promise<ConversationDetail | null> {
  const detail = await getConversationDetail(db, id);
  if (!detail) return null;
  return { ...detail, messages: await withAttachments(db, detail.messages) };
}
