import type { Namespace, Socket } from 'socket.io';
import { AppError } from '@em/contracts/errors';
import {
  AgentMessagePayload,
  AgentTypingPayload,
  ClaimPayload,
  NotePayload,
  PresencePayload,
  ReassignPayload,
  conversationRoom,
  type AgentsClientToServerEvents,
  type AgentsServerToClientEvents,
  type InterServerEvents,
} from '@em/contracts/events';
import { getConversation } from '@em/db/queries/conversations';
import { addNote } from '@em/db/queries/notes';
import { getConsoleUser } from '@em/db/queries/users';
import type { AgentActor } from '@em/conversations/service';
import type { GatewayCore, GatewayDeps } from '../deps';
import { parsePayload, withAck } from '../ack';
import type { AgentSocketData } from './auth';
import { currentConsoleUser } from '../console/console-sessions';

export type AgentsNamespace = Namespace<AgentsClientToServerEvents, AgentsServerToClientEvents, InterServerEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentsClientToServerEvents, AgentsServerToClientEvents, InterServerEvents, AgentSocketData>;

export function registerAgentHandlers(deps: GatewayDeps, core: GatewayCore, socket: AgentSocket) {
  const me = socket.data;
  const { conversations } = core;
  /** Who acts, as the state machine knows them; the name is what the customer sees. */
  const actor: AgentActor = { kind: me.role, userId: me.userId, name: me.name };
  // Same per-socket event budget as /chat (rate_limited when exceeded).
  const limit = async () => {
    await deps.limits.take('event_socket', socket.id);
    // Revoked since the handshake (logout, password or role change, deactivation: console-sessions.ts):
    // refuse, then hang up once the ack is on its way.
    if (!(await currentConsoleUser(deps.db, me))) {
      setImmediate(() => socket.disconnect(true));
      throw new AppError('unauthorized', 'This console session has ended: sign in again.');
    }
  };
  const ackDeps = { logger: deps.logger.child({ socketId: socket.id, userId: me.userId }), metrics: deps.metrics };
  // Counted apart from /chat events of the same name (em_gateway_acks_total{event="agents:…"}).
  const handle = <T>(event: string, fn: (payload: unknown) => Promise<T>) => withAck(ackDeps, `agents:${event}`, limit, fn);

  socket.on(
    'conversation:watch',
    handle('conversation:watch', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      if (!(await getConversation(deps.db, conversationId))) throw new AppError('not_found', 'No such conversation.');
      await socket.join(conversationRoom(conversationId));
      return { conversationId };
    }),
  );
  socket.on('conversation:unwatch', (raw: unknown) => {
    const p = ClaimPayload.safeParse(raw);
    if (p.success) void socket.leave(conversationRoom(p.data.conversationId));
  });

  socket.on(
    'conversation:claim',
    handle('conversation:claim', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      await conversations.claim(actor, conversationId);
      await socket.join(conversationRoom(conversationId));
      return { conversationId };
    }),
  );

  socket.on(
    'conversation:reassign',
    handle('conversation:reassign', async (raw) => {
      const { conversationId, agentId } = parsePayload(ReassignPayload, raw);
      const fresh = await getConsoleUser(deps.db, me.userId);
      if (fresh?.role !== 'admin') throw new AppError('forbidden', 'Only admins may reassign conversations.');
      return conversations.reassign(actor, conversationId, agentId);
    }),
  );

  socket.on(
    'conversation:release',
    handle('conversation:release', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      return conversations.release(actor, conversationId);
    }),
  );

  socket.on(
    'conversation:resolve',
    handle('conversation:resolve', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      return conversations.resolve(actor, conversationId);
    }),
  );

  socket.on(
    'message:send',
    handle('message:send', async (raw) => {
      const { conversationId, clientMessageId, text, attachments } = parsePayload(AgentMessagePayload, raw);
      const ack = await conversations.agentReply(actor, { conversationId, clientMessageId, text, attachments });
      // The customer away (no tab open): the reply is also mailed (gateway follow-up.ts).
      if (!ack.duplicate) core.afterAgentReply?.(conversationId, ack.messageId);
      return ack;
    }),
  );

  socket.on(
    'note:add',
    handle('note:add', async (raw) => {
      const { conversationId, text } = parsePayload(NotePayload, raw);
      if (!(await getConversation(deps.db, conversationId))) throw new AppError('not_found', 'No such conversation.');
      const note = await addNote(deps.db, { conversationId, authorId: me.userId, text });
      core.announce.note(note);
      return { id: note.id };
    }),
  );

  socket.on('typing', (raw: unknown) => {
    const p = AgentTypingPayload.safeParse(raw);
    if (!p.success) return;
    // Only the owner's typing reaches the customer (checked by the service); only from a console watching it.
    if (!socket.rooms.has(conversationRoom(p.data.conversationId))) return;
    void conversations.agentTyping(actor, p.data.conversationId, p.data.isTyping).catch((err: unknown) => deps.logger.warn({ err }, 'typing relay failed'));
  });

  socket.on('presence', (raw: unknown) => {
    const p = PresencePayload.safeParse(raw);
    if (!p.success) return;
    void deps.presence
      .beat({ userId: me.userId, name: me.name, status: p.data.status })
      .then(async () => core.announce.presence(await deps.presence.list()))
      .catch((err: unknown) => deps.logger.warn({ err }, 'presence update failed'));
  });
}
