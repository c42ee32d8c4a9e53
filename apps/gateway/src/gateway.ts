import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { GatewayDeps } from './deps';
import { registerChatNamespace } from './chat/namespace';

/** 16 KB: a 1000-character message is ~4 KB of UTF-8 at worst; anything bigger is refused unparsed. */
export const MAX_HTTP_BUFFER = 16 * 1024;

export function createGateway(httpServer: HttpServer, deps: GatewayDeps) {
  const allowed = new Set([...deps.platformOrigins, ...deps.sites.flatMap((s) => s.allowedOrigins)]);
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_HTTP_BUFFER,
    cors: { origin: (origin, cb) => cb(null, !origin || allowed.has(origin)), credentials: true },
    // Short-outage recovery replays missed packets; history:sync covers longer gaps.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    adapter: createAdapter(deps.pubClient, deps.subClient, { key: deps.socketKey }),
  });
  registerChatNamespace(io, deps);
  return io;
}
