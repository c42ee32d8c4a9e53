import type { Socket } from 'socket.io';
import { AppError } from '@em/contracts/errors';
import {
  HistorySyncPayload,
  MessageSendPayload,
  RatePayload,
  RequestHumanPayload,
  TypingPayload,
  conversationRoom,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
  type ChatSocketData,
  type MessageSendAck,
  type TypingEvent,
} from '@em/contracts/events';
import type { Message } from '@em/contracts/schemas';
import { appendMessage, findByClientMessageId, getConversation, listMessages, rateConversation } from '@em/db/queries/conversations';
import type { GatewayDeps } from '../deps';
import { parsePayload, withAck } from './ack';
import { relayCustomerMessage, relayCustomerTyping } from '../agents/relay';
import { handToHumansFromGateway } from '../agents/handoff';

/** Re-exported: the /agents handlers validate with the same helper. */
export { parsePayload } from './ack';

export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

/**
 * The customer's typing, relayed to their other tabs. DESIGN's TypingEvent lists actor 'bot' | 'human'
 * only; 'customer' extends it (the widget ignores it; it is not the bot or an agent typing).
 */
const customerTyping = (isTyping: boolean): TypingEvent => ({ actor: 'customer', isTyping });

/** How long a duplicate waits for the first attempt to be stored (ms), and how often it looks. */
const PENDING_WAIT_MS = 3000;
const PENDING_POLL_MS = 50;

export function registerChatHandlers(deps: GatewayDeps, socket: ChatSocket) {
  const { conversationId } = socket.data;
  const room = conversationRoom(conversationId);
  // Every log line about this socket names it and its conversation (the HTTP side has request ids).
  const ackDeps = { logger: deps.logger.child({ socketId: socket.id, conversationId }), metrics: deps.metrics };
  const limitMessage = () => deps.limits.message(socket.id, conversationId);
  const limitEvent = () => deps.limits.take('event_socket', socket.id);
  const toRoom = <E extends 'message:new' | 'agent:handoff' | 'conversation:status'>(event: E, ...args: Parameters<ChatServerToClientEvents[E]>) => {
    if (event === 'message:new') deps.metrics.messagesOut.inc({ source: 'gateway' });
    socket.nsp.to(room).emit(event, ...args);
  };

  /**
   * A repeat acks the stored message, and re-adds its job: the first attempt may have committed
   * the row but lost its connection before enqueueing (e.g. Postgres restarting). BullMQ ignores a
   * jobId it still holds, and the worker never answers a message twice, so this is safe to repeat.
   */
  const ensureQueued = async (m: Message): Promise<MessageSendAck> => {
    await deps.queue.add('message', { messageId: m.id, conversationId, seq: m.seq }, { jobId: m.id });
    return { messageId: m.id, seq: m.seq, duplicate: true };
  };

  socket.on(
    'message:send',
    withAck(ackDeps, 'message:send', limitMessage, async (raw): Promise<MessageSendAck> => {
      const { clientMessageId, text } = parsePayload(MessageSendPayload, raw);
      const conv = await getConversation(deps.db, conversationId);
      if (!conv) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      const claim = await deps.dedup.claim(conversationId, clientMessageId);
      if (!claim.won) {
        // A retry racing the first attempt (another tab or node) waits for it to be stored.
        for (let waited = 0; ; waited += PENDING_POLL_MS) {
          const existing = await findByClientMessageId(deps.db, conversationId, clientMessageId);
          if (existing) return ensureQueued(existing);
          if (waited >= PENDING_WAIT_MS) throw new AppError('conflict', 'This message is still being processed; retry shortly.');
          await new Promise((r) => setTimeout(r, PENDING_POLL_MS));
        }
      }
      let msg: Message | null;
      try {
        msg = await appendMessage(deps.db, { conversationId, role: 'customer', text, clientMessageId });
        // The unique (conversation, clientMessageId) index caught a repeat older than the Redis window.
        if (!msg) {
          const existing = await findByClientMessageId(deps.db, conversationId, clientMessageId);
          await deps.dedup.settle(conversationId, clientMessageId, existing!.id);
          return ensureQueued(existing!);
        }
        await deps.queue.add('message', { messageId: msg.id, conversationId, seq: msg.seq }, { jobId: msg.id });
        await deps.dedup.settle(conversationId, clientMessageId, msg.id);
      } catch (err) {
        await deps.dedup.release(conversationId, clientMessageId).catch(() => {});
        throw err;
      }
      deps.metrics.messagesIn.inc();
      // Every tab (on any gateway node) sees the customer's own message too.
      toRoom('message:new', msg);
      void relayCustomerMessage(socket.nsp.server, deps, conv.status, msg).catch((err: unknown) => deps.logger.warn({ err }, 'relay to /agents failed'));
      return { messageId: msg.id, seq: msg.seq, duplicate: false };
    }),
  );

  socket.on(
    'history:sync',
    withAck(ackDeps, 'history:sync', limitEvent, async (raw) => {
      const { afterSeq } = parsePayload(HistorySyncPayload, raw);
      return { messages: await listMessages(deps.db, conversationId, afterSeq) };
    }),
  );

  socket.on('typing', (raw: unknown) => {
    // No ack in the contract: a malformed or over-limit typing event is dropped, never relayed.
    const parsed = TypingPayload.safeParse(raw);
    if (!parsed.success) return void deps.metrics.acks.inc({ event: 'typing', code: 'invalid_payload' });
    limitEvent().then(
      // The customer's other tabs (any node) see it, the sender doesn't; consoles watching it get it on /agents.
      () => {
        socket.to(room).emit('typing', customerTyping(parsed.data.isTyping));
        relayCustomerTyping(socket.nsp.server, conversationId, parsed.data.isTyping);
      },
      () => {},
    );
  });

  socket.on(
    'conversation:request-human',
    withAck(ackDeps, 'conversation:request-human', limitEvent, async (raw) => {
      const { reason } = parsePayload(RequestHumanPayload, raw);
      const conv = await getConversation(deps.db, conversationId);
      if (!conv) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      if (conv.status === 'waiting_human' || conv.status === 'human') return { status: conv.status as 'waiting_human' | 'human' };
      // The shared handoff path: status, announcement, console queue, presence check → ticket.
      const handed = await handToHumansFromGateway(socket.nsp.server, deps, {
        conversationId,
        reason: 'customer_request',
        detail: reason ?? 'Talk to a person button',
        from: 'customer',
      });
      // `bot` when nobody is online: a ticket was opened and the AI keeps answering (DESIGN §5).
      return { status: handed.status };
    }),
  );

  socket.on(
    'conversation:rate',
    withAck(ackDeps, 'conversation:rate', limitEvent, async (raw) => {
      const { score, comment } = parsePayload(RatePayload, raw);
      await rateConversation(deps.db, conversationId, score, comment);
      return { recorded: true as const };
    }),
  );
}

