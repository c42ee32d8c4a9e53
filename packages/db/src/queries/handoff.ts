import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { AGENTS_ROOM, conversationRoom } from '@em/contracts/events';
import type { ConversationStatus } from '@em/contracts/schemas';
import type { Db } from '../client';
import { appendMessage, getConversation, recordEvent } from './conversations';
import { findOpenHandoffTicket, moveHandoffTickets } from './handoff-tickets';
import { listQueue, markWaitingHuman, queuePriority, returnToBotWithTicket } from './queue';
import { createTicket } from './tickets';
import type { PresenceReader } from './presence';
import { conversations, customers, messages } from '../schema/index';

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
  | { handedOver: false; status: ConversationStatus }
  | {
      handedOver: true;
      /** Where it ended: waiting for a person, or back with the AI because nobody is online (ticket opened). */
      status: ConversationStatus;
      agentsOnline: number;
      ticketNumber?: string;
      queuePosition: number;
    };

const NOTICE = {
  customer_request: 'You asked for a person. A member of our support team will join this chat shortly.',
  default: 'I am handing this conversation to a member of our support team. They will join this chat shortly.',
} as const;

/** What the customer is told when nobody is online: the ticket, who follows up and how, and that the AI stays. */
function offlineNotice(ticketNumber: string, opts: { reused: boolean; emailKnown: boolean }) {
  const meanwhile = "Meanwhile I'm still here — ask me anything else.";
  if (opts.reused) {
    return `No one from our support team is online right now. Your ticket ${ticketNumber} is still open, and a person will pick it up as soon as someone is online. ${meanwhile}`;
  }
  const followUp = opts.emailKnown
    ? 'A person will pick it up as soon as someone is online and follow up with you by email.'
    : "A person will pick it up as soon as someone is online. If you'd like them to reply by email, just write your email address here in the chat.";
  return `No one from our support team is online right now, so I opened ticket ${ticketNumber} for you. ${followUp} ${meanwhile}`;
}

/**
 * The one path "a conversation was handed to humans" (DESIGN §5), shared by the worker's
 * escalation and the widget's "Talk to a person": set waiting_human (once), tell the customer
 * (agent:handoff + a system message + conversation:status), tell the console (queue:updated).
 * When no agent is online, say so, open a support ticket (one per conversation while it is open)
 * and give the conversation back to the AI, so the customer is never left without answers; the
 * open ticket keeps it in the console queue for the first agent who comes online.
 */
export async function handToHumans(deps: HandoffDeps, input: HandoffInput): Promise<HandoffResult> {
  const { db, io } = deps;
  const sentiment = input.sentiment === undefined ? await lastSentimentLabel(db, input.conversationId) : input.sentiment;
  const priority = queuePriority({ reason: input.reason, sentiment, urgent: input.urgent });
  const moved = await markWaitingHuman(db, input.conversationId, { reason: input.reason, detail: input.detail, priority });
  if (!moved) {
    const conv = await getConversation(db, input.conversationId);
    return { handedOver: false, status: (conv?.status as ConversationStatus | undefined) ?? 'bot' };
  }
  const agentsOnline = await deps.presence.onlineCount();
  let ticketNumber: string | undefined;
  let status: ConversationStatus = 'waiting_human';
  let text: string = input.reason === 'customer_request' ? NOTICE.customer_request : NOTICE.default;
  if (agentsOnline === 0) {
    const opened = await openTicketFor(db, input, priority);
    ticketNumber = opened.ticketNumber;
    text = offlineNotice(ticketNumber, opened);
  }
  const notice = await appendMessage(db, { conversationId: input.conversationId, role: 'system', text });
  if (ticketNumber) {
    // An agent who came online and claimed it meanwhile keeps it: then report what it is now.
    const back = await returnToBotWithTicket(db, input.conversationId, ticketNumber);
    status = back.status ?? 'waiting_human';
    // Its claim ran before the ticket existed, so it could not mark it taken.
    if (status === 'human') await moveHandoffTickets(db, input.conversationId, ['open'], 'pending');
  }
  const queue = await listQueue(db);
  const queuePosition = Math.max(1, queue.findIndex((q) => q.conversationId === input.conversationId) + 1);

  const chat = io.of('/chat').to(conversationRoom(input.conversationId));
  chat.emit('agent:handoff', { from: input.from, to: 'human', reason: input.reason });
  if (notice) chat.emit('message:new', notice);
  // A claim that won the race has announced `human` (with the agent) itself.
  if (status !== 'human') chat.emit('conversation:status', status === 'waiting_human' ? { status, queuePosition } : { status });

  const agents = io.of('/agents');
  agents.to(AGENTS_ROOM).emit('queue:updated', queue);
  if (status !== 'human') {
    agents
      .to(AGENTS_ROOM)
      .emit('conversation:status', { conversationId: input.conversationId, status, ...(status === 'waiting_human' ? { queuePosition } : {}) });
  }
  if (notice) agents.to(conversationRoom(input.conversationId)).emit('message:new', notice);
  return { handedOver: true, status, agentsOnline, queuePosition, ...(ticketNumber ? { ticketNumber } : {}) };
}

/**
 * The conversation's open handoff ticket, or a new one. A customer who asks again while their
 * ticket waits is pointed to it rather than given a second one.
 */
async function openTicketFor(db: Db, input: HandoffInput, priority: number) {
  const existing = await findOpenHandoffTicket(db, input.conversationId);
  const [conv] = await db
    .select({ customerId: conversations.customerId, email: customers.email })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .where(eq(conversations.id, input.conversationId));
  const emailKnown = !!conv?.email;
  if (existing) return { ticketNumber: existing, reused: true, emailKnown };
  const ticket = await createTicket(db, {
    customerId: conv?.customerId ?? null,
    conversationId: input.conversationId,
    subject: `Chat handoff (${input.reason.replace(/_/g, ' ')}): ${input.detail ?? 'needs a person'}`,
    priority: priority >= 45 ? 'high' : 'normal',
  });
  // This event is what marks the ticket as the handoff's (handoff-tickets.ts).
  await recordEvent(db, input.conversationId, 'ticket_created', { ticketNumber: ticket.ticketNumber, reason: input.reason });
  return { ticketNumber: ticket.ticketNumber, reused: false, emailKnown };
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
