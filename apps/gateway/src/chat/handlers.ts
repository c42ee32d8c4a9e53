import type { Socket } from 'socket.io';
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
import { listMessages } from '@em/db/queries/conversations';
import type { GatewayCore, GatewayDeps } from '../deps';
import { parsePayload, withAck } from '../ack';
import { emailFromMessage, registerChatEmailHandlers } from './email-handlers';

export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

/**
 * The customer's typing, relayed to their other tabs. DESIGN's TypingEvent lists actor 'bot' | 'human'
 * only; 'customer' extends it (the widget ignores it; it is not the bot or an agent typing).
 */
const customerTyping = (isTyping: boolean): TypingEvent => ({ actor: 'customer', isTyping });

export function registerChatHandlers(deps: GatewayDeps, core: GatewayCore, socket: ChatSocket) {
  const { conversationId } = socket.data;
  const room = conversationRoom(conversationId);
  // Every log line about this socket names it and its conversation (the HTTP side has request ids).
  const ackDeps = { logger: deps.logger.child({ socketId: socket.id, conversationId }), metrics: deps.metrics };
  const limitMessage = () => deps.limits.message(socket.id, conversationId);
  const limitEvent = () => deps.limits.take('event_socket', socket.id);
  socket.on(
    'message:send',
    withAck(ackDeps, 'message:send', limitMessage, async (raw): Promise<MessageSendAck> => {
      const { clientMessageId, text, attachments } = parsePayload(MessageSendPayload, raw);
      const { ack, message } = await core.conversations.acceptCustomerMessage({ conversationId, clientMessageId, text, attachments });
      if (message) {
        deps.metrics.messagesIn.inc();
        deps.metrics.messagesOut.inc({ source: 'gateway' });
        // A message that is only an email address answers the chat's request for one (email-handlers.ts).
        if (text) emailFromMessage(deps, core, conversationId, text);
      }
      return ack;
    }),
  );

  registerChatEmailHandlers(deps, core, socket, ackDeps);

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
        core.announce.customerTyping(conversationId, parsed.data.isTyping);
      },
      () => {},
    );
  });

  socket.on(
    'conversation:request-human',
    withAck(ackDeps, 'conversation:request-human', limitEvent, async (raw) => {
      const { reason } = parsePayload(RequestHumanPayload, raw);
      // Already waiting or with a person: nothing changes; otherwise the shared handoff path
      // (status, announcement, console queue, nobody online → ticket and the AI stays, DESIGN §5).
      const handed = await core.conversations.requestHuman(conversationId, reason ?? 'Talk to a person button');
      return { status: handed.status };
    }),
  );

  socket.on(
    'conversation:rate',
    withAck(ackDeps, 'conversation:rate', limitEvent, async (raw) => {
      const { score, comment } = parsePayload(RatePayload, raw);
      return core.conversations.rate(conversationId, score, comment);
    }),
  );
}

