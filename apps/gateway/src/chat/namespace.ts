import type { ConversationStatus } from '@em/contracts/schemas';
import type { Namespace, Server } from 'socket.io';
import type { ChatClientToServerEvents, ChatServerToClientEvents, ChatSocketData } from '@em/contracts/events';
import { conversationRoom } from '@em/contracts/events';
import { getConversation, listMessages } from '@em/db/queries/conversations';
import type { GatewayDeps } from '../deps';
import { authenticateChat, UnauthorizedError } from './auth';
import { registerChatHandlers, type ChatSocket } from './handlers';

export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

export function registerChatNamespace(io: Server, deps: GatewayDeps): ChatNamespace {
  const nsp = io.of('/chat') as unknown as ChatNamespace;
  nsp.use(async (socket, next) => {
    try {
      const s = await authenticateChat(deps, socket);
      socket.data = { conversationId: s.conversation.id, customerId: s.customerId, verified: s.verified, siteKey: s.conversation.siteKey };
      next();
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        deps.logger.info({ reason: err.message }, 'chat connection refused');
        const e = new Error('unauthorized') as Error & { data?: unknown };
        e.data = err.data;
        return next(e);
      }
      deps.logger.error({ err }, 'chat handshake failed');
      const e = new Error('internal') as Error & { data?: unknown };
      e.data = { code: 'internal', message: 'Please try again.' };
      next(e);
    }
  });

  nsp.on('connection', async (socket: ChatSocket) => {
    const { conversationId, customerId, verified, siteKey } = socket.data;
    registerChatHandlers(deps, socket);
    await socket.join(conversationRoom(conversationId));
    try {
      const [sessionToken, messages, conv] = await Promise.all([
        deps.sessions.sign({ conversationId, siteKey, customerId, verified }),
        listMessages(deps.db, conversationId),
        getConversation(deps.db, conversationId),
      ]);
      socket.emit('session:ready', {
        sessionToken,
        conversationId,
        status: (conv?.status ?? 'bot') as ConversationStatus,
        verified,
        messages,
      });
    } catch (err) {
      deps.logger.error({ err }, 'session:ready failed');
      socket.disconnect(true);
    }
  });
  return nsp;
}
