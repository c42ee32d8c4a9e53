import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { GatewayDeps } from './deps';
import { registerChatNamespace } from './chat/namespace';
import { registerAgentsNamespace } from './agents/namespace';
import { observeQueue } from './queue-observer';
import { socketCors } from './http/origin-check';

/** 16 KB: a 1000-character message is ~4 KB of UTF-8 at worst; anything bigger is refused unparsed. */
export const MAX_HTTP_BUFFER = 16 * 1024;

/** Socket.IO namespaces served by the gateway; add one line per namespace (e.g. the console's /agents). */
const namespaces: Array<(io: Server, deps: GatewayDeps) => unknown> = [registerChatNamespace, registerAgentsNamespace];

export function createGateway(httpServer: HttpServer, deps: GatewayDeps) {
  // Browsers may reach Socket.IO from any configured shop or the platform itself; only the platform
  // gets credentials. Per namespace: /chat checks the origin per site key (chat/auth.ts), /agents
  // accepts the platform's origins only (agents/namespace.ts).
  const shopOrigin = (origin: string) => deps.sites.some((s) => s.allowedOrigins.includes(origin));
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_HTTP_BUFFER,
    cors: socketCors(deps.platformOrigins, shopOrigin),
    // With the (pub/sub) Redis adapter, missed packets are not replayed across a reconnect; clients
    // resync with history:sync by seq, which covers any gap (DESIGN §8).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    adapter: createAdapter(deps.pubClient, deps.subClient, { key: deps.socketKey }),
  });
  for (const register of namespaces) register(io, deps);
  const stopObserving = observeQueue(deps);
  httpServer.once('close', stopObserving);
  return io;
}
