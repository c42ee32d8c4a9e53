import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { AppError, fail, ok, type Result } from '@em/contracts/errors';
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
} from '@em/contracts/events';
import { MAX_MESSAGE_CHARS, type Message } from '@em/contracts/schemas';
import { appendMessage, findByClientMessageId, getConversation, listMessages, rateConversation, setStatus } from '@em/db/queries/conversations';
import type { GatewayDeps } from '../deps';

export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

/** zod at the boundary; an over-long text gets its own code so the widget can say why. */
export function parsePayload<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const tooLong = r.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'text');
  if (tooLong) throw new AppError('message_too_long', `Messages can be at most ${MAX_MESSAGE_CHARS} characters.`);
  throw new AppError('invalid_payload', 'The request was not understood.');
}

/** Wraps a handler: validates the ack callback, maps errors, never lets one socket crash the process. */
function withAck<T>(deps: GatewayDeps, name: string, fn: (payload: unknown) => Promise<T>) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = (r: Result<T>) => (typeof ack === 'function' ? (ack as (r: Result<T>) => void)(r) : undefined);
    try {
      reply(ok(await fn(payload)));
    } catch (err) {
      if (!(err instanceof AppError)) deps.logger.error({ err, event: name }, 'chat handler failed');
      reply(fail(err));
    }
  };
}

export function registerChatHandlers(deps: GatewayDeps, socket: ChatSocket) {
  const { conversationId } = socket.data;
  const room = conversationRoom(conversationId);

  socket.on(
    'message:send',
    withAck(deps, 'message:send', async (raw): Promise<MessageSendAck> => {
      const { clientMessageId, text } = parsePayload(MessageSendPayload, raw);
      const conv = await getConversation(deps.db, conversationId);
      if (!conv) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      const claim = await deps.dedup.claim(conversationId, clientMessageId);
      if (!claim.won) {
        const existing = await findByClientMessageId(deps.db, conversationId, clientMessageId);
        if (existing) return { messageId: existing.id, seq: existing.seq, duplicate: true };
        throw new AppError('conflict', 'This message is still being processed; retry shortly.');
      }
      let msg: Message | null;
      try {
        msg = await appendMessage(deps.db, { conversationId, role: 'customer', text, clientMessageId });
        // The unique (conversation, clientMessageId) index caught a repeat older than the Redis window.
        if (!msg) {
          const existing = await findByClientMessageId(deps.db, conversationId, clientMessageId);
          await deps.dedup.settle(conversationId, clientMessageId, existing!.id);
          return { messageId: existing!.id, seq: existing!.seq, duplicate: true };
        }
        await deps.queue.add('message', { messageId: msg.id, conversationId, seq: msg.seq }, { jobId: msg.id });
        await deps.dedup.settle(conversationId, clientMessageId, msg.id);
      } catch (err) {
        await deps.dedup.release(conversationId, clientMessageId).catch(() => {});
        throw err;
      }
      // Every tab (on any gateway node) sees the customer's own message too.
      socket.nsp.to(room).emit('message:new', msg);
      return { messageId: msg.id, seq: msg.seq, duplicate: false };
    }),
  );

  socket.on(
    'history:sync',
    withAck(deps, 'history:sync', async (raw) => {
      const { afterSeq } = parsePayload(HistorySyncPayload, raw);
      return { messages: await listMessages(deps.db, conversationId, afterSeq) };
    }),
  );

  socket.on('typing', (raw: unknown) => {
    // Validated like every event; the customer's typing is meant for the human agent's console,
    // not for the customer's other tabs, so nothing is echoed on /chat.
    TypingPayload.safeParse(raw);
  });

  socket.on(
    'conversation:request-human',
    withAck(deps, 'conversation:request-human', async (raw) => {
      const { reason } = parsePayload(RequestHumanPayload, raw);
      const conv = await getConversation(deps.db, conversationId);
      if (!conv) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      if (conv.status === 'waiting_human' || conv.status === 'human') return { status: conv.status as 'waiting_human' | 'human' };
      await setStatus(deps.db, conversationId, 'waiting_human', { reason: 'customer_request', detail: reason ?? 'Talk to a person button' });
      const notice = await appendMessage(deps.db, { conversationId, role: 'system', text: 'You asked for a person. A member of our support team will join shortly.' });
      socket.nsp.to(room).emit('agent:handoff', { from: 'orchestrator', to: 'human', reason: 'customer_request' });
      if (notice) socket.nsp.to(room).emit('message:new', notice);
      socket.nsp.to(room).emit('conversation:status', { status: 'waiting_human' });
      return { status: 'waiting_human' as const };
    }),
  );

  socket.on(
    'conversation:rate',
    withAck(deps, 'conversation:rate', async (raw) => {
      const { score, comment } = parsePayload(RatePayload, raw);
      await rateConversation(deps.db, conversationId, score, comment);
      return { recorded: true as const };
    }),
  );
}

