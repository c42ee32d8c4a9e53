import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { AGENTS_ROOM, conversationRoom } from '@em/contracts/events';
import type { Db } from '../client';
import { appendMessage, getConversation, recordEvent } from './conversations';
import { listQueue, markWaitingHuman, queuePriority } from './queue';
import { createTicket } from './tickets';
import type { PresenceReader } from './presence';
import { messages } from '../schema/index';

/**
 * What both a Socket.IO Server (gateway) and a @socket.io/redis-emitter Emitter (worker) offer:
 * `.of(namespace).to(room).emit(event, …)`. Structural, so this module needs neither package.
 */
export interface Broadcaster {
  of(nsp: string): { to(room: string): { emit(ev: string, ...args: any[]): unknown } };
}

export interface HandoffDeps {
  db: Db;
  io: Broadcaster;
  presence: PresenceReader;
}

export interface HandoffInput {
  conversationId: string;
  /** An EscalationReason (@em/contracts/analytics). */
  reason: string;
  detail?: string;
  /** Who hands over: the answering agent's name, or "customer". */
  from: string;
  sentiment?: string | null;
  urgent?: boolean;
}

export type HandoffResult =
  | { handedOver: false; status: string }
  | { handedOver: true; status: 'waiting_human'; agentsOnline: number; ticketNumber?: string; queuePosition: number };

const NOTICE = {
  customer_request: 'You asked for a person. A member of our support team will join this chat shortly.',
  default: 'I am handing this conversation to a member of our support team. They will join this chat shortly.',
} as const;

/**
 * The one path "a conversation was handed to humans" (DESIGN §5), shared by the worker's
 * escalation and the widget's "Talk to a person": set waiting_human (once), tell the customer
 * (agent:handoff + a system message + conversation:status), tell the console (queue:updated),
 * and when no agent is online, say so and open a support ticket instead of leaving them waiting.
 */
export async function handToHumans(deps: HandoffDeps, input: HandoffInput): Promise<HandoffResult> {
  const { db, io } = deps;
  const sentiment = input.sentiment === undefined ? await lastSentimentLabel(db, input.conversationId) : input.sentiment;
  const priority = queuePriority({ reason: input.reason, sentiment, urgent: input.urgent });
  const moved = await markWaitingHuman(db, input.conversationId, { reason: input.reason, detail: input.detail, priority });
  if (!moved) {
    const conv = await getConversation(db, input.conversationId);
    return { handedOver: false, status: conv?.status ?? 'bot' };
  }
  const agentsOnline = await deps.presence.onlineCount();
  let ticketNumber: string | undefined;
  let text: string = input.reason === 'customer_request' ? NOTICE.customer_request : NOTICE.default;
  if (agentsOnline === 0) {
    const conv = await getConversation(db, input.conversationId);
    const ticket = await createTicket(db, {
      customerId: conv?.customerId ?? null,
      conversationId: input.conversationId,
      subject: `Chat handoff (${input.reason.replace(/_/g, ' ')}): ${input.detail ?? 'needs a person'}`,
      priority: priority >= 45 ? 'high' : 'normal',
    });
    ticketNumber = ticket.ticketNumber;
    await recordEvent(db, input.conversationId, 'ticket_created', { ticketNumber, reason: input.reason });
    text =
      `No one from our support team is online right now, so I opened ticket ${ticketNumber} for you. ` +
      'The first agent to come online will pick up this chat, and we will follow up on the ticket if you leave.';
  }
  const notice = await appendMessage(db, { conversationId: input.conversationId, role: 'system', text });
  const queue = await listQueue(db);
  const queuePosition = Math.max(1, queue.findIndex((q) => q.conversationId === input.conversationId) + 1);

  const chat = io.of('/chat').to(conversationRoom(input.conversationId));
  chat.emit('agent:handoff', { from: input.from, to: 'human', reason: input.reason });
  if (notice) chat.emit('message:new', notice);
  chat.emit('conversation:status', { status: 'waiting_human', queuePosition });

  const agents = io.of('/agents');
  agents.to(AGENTS_ROOM).emit('queue:updated', queue);
  agents.to(AGENTS_ROOM).emit('conversation:status', { conversationId: input.conversationId, status: 'waiting_human', queuePosition });
  if (notice) agents.to(conversationRoom(input.conversationId)).emit('message:new', notice);
  return { handedOver: true, status: 'waiting_human', agentsOnline, queuePosition, ...(ticketNumber ? { ticketNumber } : {}) };
}

/** The sentiment the AI read on the customer's latest turn (stored on its reply), if any. */
async function lastSentimentLabel(db: Db, conversationId: string) {
  const [row] = await db
    .select({ s: messages.sentiment })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), isNotNull(messages.sentiment)))
    .orderBy(desc(messages.seq))
    .limit(1);
  return row?.s?.label ?? null;
}
