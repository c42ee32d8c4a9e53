import type { Server } from 'socket.io';
import { AGENTS_ROOM } from '@em/contracts/events';
import { listQueue } from '@em/db/queries/queue';
import type { GatewayCore, GatewayDeps } from '../deps';
import { authenticateAgent } from './auth';
import { consoleOriginAllowed } from '../http/origin-check';
import { registerAgentHandlers, type AgentSocket, type AgentsNamespace } from './handlers';

const agentRoom = (userId: string) => `agent:${userId}`;

/** The console namespace (DESIGN §3 /agents): queue, claims, replies, notes, typing, presence. */
export function registerAgentsNamespace(io: Server) {
  const nsp = io.of('/agents') as AgentsNamespace;
  return { nsp, serve: (deps: GatewayDeps, core: GatewayCore) => serveAgents(nsp, deps, core) };
}

function serveAgents(nsp: AgentsNamespace, deps: GatewayDeps, core: GatewayCore) {
  // Late-bound on the shared deps: REST (created first) revokes, this namespace owns the sockets.
  deps.endAgentSessions = (userId) => nsp.in(agentRoom(userId)).disconnectSockets(true);
  nsp.use((socket, next) => {
    // Cross-site WebSocket hijacking (issue 15, finding 2): a same-site page on another port would
    // otherwise ride the agent's Lax cookie. Only the platform's own pages may open the console.
    if (!consoleOriginAllowed(socket.handshake.headers, deps.platformOrigins)) {
      deps.logger.info({ origin: socket.handshake.headers.origin }, 'agents connection from a foreign origin refused');
      const e = new Error('forbidden') as Error & { data?: unknown };
      e.data = { code: 'forbidden', message: 'The console may only be opened from its own site.' };
      return next(e);
    }
    authenticateAgent(deps, socket).then(
      (user) => {
        if (user) {
          socket.data = user;
          return next();
        }
        const e = new Error('unauthorized') as Error & { data?: unknown };
        e.data = { code: 'unauthorized', message: 'Sign in to the console first.' };
        next(e);
      },
      (err: unknown) => {
        deps.logger.error({ err }, 'agents handshake failed');
        const e = new Error('internal') as Error & { data?: unknown };
        e.data = { code: 'internal', message: 'Please try again.' };
        next(e);
      },
    );
  });

  const broadcastPresence = async () => core.announce.presence(await deps.presence.list());

  /** Another tab of the same agent keeps them present; otherwise they leave at once instead of after the TTL. */
  const leaveIfGone = (userId: string) =>
    nsp
      .in(agentRoom(userId))
      .fetchSockets()
      .then(async (others) => {
        if (others.length === 0) await deps.presence.leave(userId);
        await broadcastPresence();
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'presence leave failed'));

  nsp.on('connection', async (socket: AgentSocket) => {
    const me = socket.data;
    registerAgentHandlers(deps, core, socket);
    socket.on('disconnect', () => void leaveIfGone(me.userId));
    await socket.join([AGENTS_ROOM, agentRoom(me.userId)]);
    try {
      await deps.presence.beat({ userId: me.userId, name: me.name, status: 'online' });
      // A tab closed while this setup ran: its leave may have run before the heartbeat above was
      // written, which would list a ghost agent online for the TTL. Leave again, now the beat is in.
      if (socket.disconnected) return void (await leaveIfGone(me.userId));
      socket.emit('queue:snapshot', await listQueue(deps.db));
      await broadcastPresence();
    } catch (err) {
      deps.logger.error({ err }, 'agents connection setup failed');
    }
  });
}
