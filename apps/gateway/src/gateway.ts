import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAnnouncer } from '@em/conversations/announcer';
import { createConversationService } from '@em/conversations/service';
import type { GatewayCore, GatewayDeps } from './deps';
import { registerChatNamespace } from './chat/namespace';
import { registerAgentsNamespace } from './agents/namespace';
import { observeQueue } from './queue-observer';
import { socketCors } from './http/origin-check';
import { createAgentReplyFollowUp } from './follow-up';
import { createAckFirstAdapter } from './ack-first-adapter';

/** 16 KB: a 1000-character message is ~4 KB of UTF-8 at worst; anything bigger is refused unparsed. */
export const MAX_HTTP_BUFFER = 16 * 1024;

export function createGateway(httpServer: HttpServer, deps: GatewayDeps) {
  // Browsers may reach Socket.IO from any configured shop or the platform itself; only the platform
  // gets credentials. Per namespace: /chat checks the origin per site key (chat/auth.ts), /agents
  // accepts the platform's origins only (agents/namespace.ts).
  const shopOrigin = (origin: string) => deps.sites.some((s) => s.allowedOrigins.includes(origin));
  // Untyped at the server: its two namespaces speak different event maps, each typed where it is
  // created (chat/namespace.ts, agents/namespace.ts) as socket.io's docs do for namespaces.
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_HTTP_BUFFER,
    cors: socketCors(deps.platformOrigins, shopOrigin),
    // With the (pub/sub) Redis adapter, missed packets are not replayed across a reconnect; clients
    // resync with history:sync by seq, which covers any gap (DESIGN §8).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // A worker's reply never overtakes the ack of the message it answers (ack-first-adapter.ts).
    adapter: createAckFirstAdapter(deps.pubClient, deps.subClient, { key: deps.keys.socketIo }),
  });
  const chat = registerChatNamespace(io);
  const agents = registerAgentsNamespace(io);
  const announce = createAnnouncer({ chat: chat.nsp, agents: agents.nsp });
  // Email follow-up (issue 20): the service queues mail through deps.mail; a mail problem is logged, never fails the caller.
  const followUpDeps = { followUp: deps.mail?.followUp, reportError: (err: unknown, what: string) => deps.logger.warn({ err, what }, 'follow-up mail failed') };
  const core: GatewayCore = {
    announce,
    afterAgentReply: createAgentReplyFollowUp({ chat: chat.nsp, followUp: deps.mail?.followUp, logger: deps.logger }),
    conversations: createConversationService({
      ...followUpDeps,
      db: deps.db,
      presence: deps.presence,
      announce,
      queue: deps.queue,
      now: deps.now,
      siteHours: async (siteKey) => (await deps.siteSettings.get(siteKey)).hours,
    }),
  };
  chat.serve(deps, core);
  agents.serve(deps, core);
  const stopObserving = observeQueue(deps);
  httpServer.once('close', stopObserving);
  return io;
}
