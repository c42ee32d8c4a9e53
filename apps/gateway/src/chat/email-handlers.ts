import { ConversationEmailPayload, TranscriptRequestPayload } from '@em/contracts/mail';
import type { GatewayCore, GatewayDeps } from '../deps';
import { parsePayload, withAck } from '../ack';
import type { ChatSocket } from './handlers';

type AckDeps = Parameters<typeof withAck>[0];

/**
 * Email follow-up on /chat (issue 20; payloads in @em/contracts/mail): the customer gives the
 * address to write to, or asks for the transcript by mail. Rate-limited like the other events.
 */
export function registerChatEmailHandlers(deps: GatewayDeps, core: GatewayCore, socket: ChatSocket, ackDeps: AckDeps) {
  const { conversationId } = socket.data;
  const limitEvent = () => deps.limits.take('event_socket', socket.id);
  socket.on(
    'conversation:email',
    withAck(ackDeps, 'conversation:email', limitEvent, async (raw) => {
      const { email } = parsePayload(ConversationEmailPayload, raw);
      return core.conversations.provideEmail(conversationId, email);
    }),
  );
  socket.on(
    'conversation:transcript',
    withAck(ackDeps, 'conversation:transcript', limitEvent, async (raw) => {
      const { email } = parsePayload(TranscriptRequestPayload, raw ?? {});
      return core.conversations.requestTranscript(conversationId, email);
    }),
  );
}

/**
 * A customer message that is only an email address, sent while the chat asked for one, also gives
 * the address (the message stays a normal message for the AI). Never fails the send.
 */
export function emailFromMessage(deps: GatewayDeps, core: GatewayCore, conversationId: string, text: string) {
  core.conversations.emailFromMessage(conversationId, text).catch((err: unknown) => deps.logger.warn({ err, conversationId }, 'email from message failed'));
}
