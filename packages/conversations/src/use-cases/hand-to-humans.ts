import { AppError } from '@em/contracts/errors';
import type { ConversationStatus } from '@em/contracts/schemas';
import { appendMessage, getConversationContact, recordEvent } from '@em/db/queries/conversations';
import { findOpenHandoffTicket, moveHandoffTickets } from '@em/db/queries/handoff-tickets';
import { lastSentimentLabel } from '@em/db/queries/messages';
import { listQueue } from '@em/db/queries/queue';
import { createTicket } from '@em/db/queries/tickets';
import type { Context } from '../context';
import { copyFor, formatBackAt, offlineNotice } from '../copy';
import { siteOpenState } from '../hours';
import type { Actor } from '../machine';
import { HIGH_PRIORITY, queuePriority } from '../priority';
import { afterTicket } from './after-ticket';

export interface HandoffInput {
  conversationId: string;
  /** An EscalationReason (@em/contracts/analytics). */
  reason: string;
  detail?: string;
  /** Who hands over: the answering agent's name, or "customer". */
  from: string;
  sentiment?: string | null;
  urgent?: boolean;
  /** The customer's language (the AI's turn knows it); otherwise read from their latest message. */
  language?: string;
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

/**
 * "Handed to humans" (DESIGN §5), for the customer's request and the AI's escalation alike: set
 * waiting_human (once: a second request while waiting changes nothing), tell the customer
 * (agent:handoff + a system message + conversation:status) and the consoles (queue). When nobody is
 * online or the site is outside its business hours (hours.ts; the notice says when people are back),
 * say so, open a support ticket and give the conversation back to the AI, so the customer is
 * never left without answers; the open ticket keeps it in the queue for the first agent online.
 */
export function handToHumansUseCases(ctx: Context) {
  const { db, announce, presence } = ctx.deps;

  /** The conversation's open handoff ticket, or a new one: a customer who asks again is pointed to it. */
  async function openTicketFor(input: HandoffInput, priority: number) {
    const [existing, contact] = await Promise.all([findOpenHandoffTicket(db, input.conversationId), getConversationContact(db, input.conversationId)]);
    const emailKnown = !!contact?.email;
    if (existing) return { ticketNumber: existing, reused: true, emailKnown };
    const ticket = await createTicket(db, {
      customerId: contact?.customerId ?? null,
      conversationId: input.conversationId,
      subject: `Chat handoff (${input.reason.replace(/_/g, ' ')}): ${input.detail ?? 'needs a person'}`,
      priority: priority >= HIGH_PRIORITY ? 'high' : 'normal',
    });
    // This event is what marks the ticket as the handoff's (handoff-tickets.ts).
    await recordEvent(db, input.conversationId, 'ticket_created', { ticketNumber: ticket.ticketNumber, reason: input.reason });
    return { ticketNumber: ticket.ticketNumber, reused: false, emailKnown };
  }

  async function handToHumans(actor: Actor, action: 'request_human' | 'escalate', input: HandoffInput): Promise<HandoffResult> {
    const id = input.conversationId;
    const sentiment = input.sentiment === undefined ? await lastSentimentLabel(db, id) : input.sentiment;
    const priority = queuePriority({ reason: input.reason, sentiment, urgent: input.urgent });
    const moved = await ctx.move(actor, action, id, { reason: input.reason, detail: input.detail, priority });
    if (!moved.ok) {
      if (moved.status === null) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      return { handedOver: false, status: moved.status };
    }
    // Outside the site's business hours a request becomes a ticket even with agents online (issue 20).
    const [agentsOnline, hours] = await Promise.all([presence.onlineCount(), ctx.deps.siteHours?.(moved.conv.siteKey)]);
    const site = siteOpenState(hours, ctx.deps.now?.() ?? new Date());
    let ticketNumber: string | undefined;
    let status: ConversationStatus = 'waiting_human';
    const copy = input.language ? copyFor(input.language) : await ctx.copyFor(id);
    let text = input.reason === 'customer_request' ? copy.askedForPerson : copy.handingOver;
    if (agentsOnline === 0 || !site.open) {
      const opened = await openTicketFor(input, priority);
      ticketNumber = opened.ticketNumber;
      const closed = site.open ? undefined : { until: site.nextOpenAt && formatBackAt(site.nextOpenAt, copy, site.timeZone) };
      text = offlineNotice(ticketNumber, { ...opened, closed }, copy);
    }
    const notice = await appendMessage(db, { conversationId: id, role: 'system', text });
    if (ticketNumber) {
      const back = await ctx.move({ kind: 'system' }, 'return_with_ticket', id, { reason: site.open ? 'no_agent_online' : 'outside_hours', ticketNumber, keepWaitingSince: true });
      // An agent who came online and claimed it meanwhile keeps it.
      status = back.status ?? 'waiting_human';
      // That claim ran before the ticket existed, so it could not mark it taken.
      if (status === 'human') await moveHandoffTickets(db, id, ['open'], 'pending');
    }
    const queue = await listQueue(db);
    const queuePosition = Math.max(1, queue.findIndex((q) => q.conversationId === id) + 1);
    announce.handoff(id, { from: input.from, to: 'human', reason: input.reason });
    if (notice) announce.message(notice);
    // A claim that won the race has announced `human` (with the agent) itself.
    if (status !== 'human') announce.status(id, status === 'waiting_human' ? { status, queuePosition } : { status });
    announce.queue(queue);
    // Email follow-up on the ticket (after-ticket.ts): mail a verified customer, ask a guest for an address.
    if (ticketNumber && status !== 'human') await afterTicket(ctx, { conversationId: id, ticketNumber });
    return { handedOver: true, status, agentsOnline, queuePosition, ...(ticketNumber ? { ticketNumber } : {}) };
  }

  return {
    /** The customer asks for a person ("Talk to a person"). */
    requestHuman(conversationId: string, detail: string) {
      return handToHumans({ kind: 'customer' }, 'request_human', { conversationId, reason: 'customer_request', detail, from: 'customer' });
    },
    /** The AI hands over (sentiment, repeated failure, policy, the customer's words, a timeout). */
    escalate(input: HandoffInput) {
      return handToHumans({ kind: 'ai' }, 'escalate', input);
    },
  };
}
