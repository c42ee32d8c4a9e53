import type { Namespace, Socket } from 'socket.io';
import { AppError } from '@em/contracts/errors';
import {
  AGENTS_ROOM,
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
import type { ConversationStatus } from '@em/contracts/schemas';
import { appendMessage, findByClientMessageId, getConversation, recordEvent } from '@em/db/queries/conversations';
import { addNote } from '@em/db/queries/notes';
import { claimConversation, listQueue, markFirstHumanReply, reassignConversation, releaseToBot, resolveByAgent } from '@em/db/queries/queue';
import { getConsoleUser } from '@em/db/queries/users';
import type { GatewayDeps } from '../deps';
import { agentAck, parseAgentPayload as parsePayload } from './ack';
import type { ChatNamespace } from '../chat/namespace';
import type { AgentSocketData } from './auth';
import { presenceFor } from './handoff';
import { currentConsoleUser } from '../console/console-sessions';

export type AgentsNamespace = Namespace<AgentsClientToServerEvents, AgentsServerToClientEvents, InterServerEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentsClientToServerEvents, AgentsServerToClientEvents, InterServerEvents, AgentSocketData>;

/** Customer-facing texts for ownership changes (always announced, DESIGN §5). */
const joinedText = (name: string) => `${name} from our support team has joined the chat.`;
const handedBackText = 'You are back with our AI assistant. Ask me anything, or tap "Talk to a person" again at any time.';
const resolvedText = (name: string) => `${name} marked this conversation as resolved. How did we do? Please rate this chat.`;

export function registerAgentHandlers(deps: GatewayDeps, nsp: AgentsNamespace, socket: AgentSocket) {
  const me = socket.data;
  const actor = { userId: me.userId, role: me.role };
  const chatNsp = nsp.server.of('/chat') as unknown as ChatNamespace;
  const chat = (id: string) => chatNsp.to(conversationRoom(id));
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
  const withAck = <T>(d: GatewayDeps, event: string, fn: (payload: unknown) => Promise<T>) => agentAck(d, event, fn, limit);

  /** A system message shown to the customer and to consoles watching the conversation. */
  async function announce(conversationId: string, text: string) {
    const msg = await appendMessage(deps.db, { conversationId, role: 'system', text });
    if (!msg) return;
    chat(conversationId).emit('message:new', msg);
    nsp.to(conversationRoom(conversationId)).emit('message:new', msg);
  }
  async function statusChanged(conversationId: string, status: ConversationStatus, owner?: { id: string; name: string } | null) {
    chat(conversationId).emit('conversation:status', { status });
    nsp.to(AGENTS_ROOM).emit('conversation:status', {
      conversationId,
      status,
      assignedAgentId: owner?.id ?? null,
      ...(owner ? { assignedAgentName: owner.name } : {}),
    });
    nsp.to(AGENTS_ROOM).emit('queue:updated', await listQueue(deps.db));
  }
  const conflictFor = (status: ConversationStatus | null, what: string) =>
    status === null ? new AppError('not_found', 'No such conversation.') : new AppError('conflict', `${what} (it is ${status.replace('_', ' ')}).`);

  socket.on(
    'conversation:watch',
    withAck(deps, 'conversation:watch', async (raw) => {
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
    withAck(deps, 'conversation:claim', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      const r = await claimConversation(deps.db, conversationId, me.userId);
      if (!r.ok) throw conflictFor(r.status, 'Someone else already took this conversation');
      await socket.join(conversationRoom(conversationId));
      await announce(conversationId, joinedText(me.name));
      chat(conversationId).emit('agent:handoff', { from: 'queue', to: me.name, reason: 'claimed' });
      await statusChanged(conversationId, 'human', { id: me.userId, name: me.name });
      return { conversationId };
    }),
  );

  socket.on(
    'conversation:reassign',
    withAck(deps, 'conversation:reassign', async (raw) => {
      const { conversationId, agentId } = parsePayload(ReassignPayload, raw);
      const fresh = await getConsoleUser(deps.db, me.userId);
      if (fresh?.role !== 'admin') throw new AppError('forbidden', 'Only admins may reassign conversations.');
      const r = await reassignConversation(deps.db, conversationId, agentId);
      if (!r.agent) throw new AppError('not_found', 'No such active agent.');
      if (!r.ok) throw conflictFor(r.status, 'Only waiting or claimed conversations can be reassigned');
      await announce(conversationId, joinedText(r.agent.name));
      await statusChanged(conversationId, 'human', r.agent);
      return { conversationId, agentId };
    }),
  );

  socket.on(
    'conversation:release',
    withAck(deps, 'conversation:release', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      const r = await releaseToBot(deps.db, conversationId, actor);
      if (!r.ok) throw conflictFor(r.status, 'Only the agent who owns this conversation can hand it back');
      await announce(conversationId, handedBackText);
      chat(conversationId).emit('agent:handoff', { from: me.name, to: 'orchestrator', reason: 'handed_back' });
      await statusChanged(conversationId, 'bot', null);
      return { status: 'bot' as const };
    }),
  );

  socket.on(
    'conversation:resolve',
    withAck(deps, 'conversation:resolve', async (raw) => {
      const { conversationId } = parsePayload(ClaimPayload, raw);
      const r = await resolveByAgent(deps.db, conversationId, actor);
      if (!r.ok) throw conflictFor(r.status, 'Only the agent who owns this conversation can resolve it');
      await announce(conversationId, resolvedText(me.name));
      await statusChanged(conversationId, 'resolved', null);
      return { status: 'resolved' as const };
    }),
  );

  socket.on(
    'message:send',
    withAck(deps, 'message:send', async (raw) => {
      const { conversationId, clientMessageId, text } = parsePayload(AgentMessagePayload, raw);
      const conv = await getConversation(deps.db, conversationId);
      if (!conv) throw new AppError('not_found', 'No such conversation.');
      if (conv.status !== 'human' || conv.assignedAgentId !== me.userId) {
        throw new AppError('forbidden', 'Claim this conversation before replying: only its owner can write to the customer.');
      }
      const msg = await appendMessage(deps.db, { conversationId, role: 'human', authorName: me.name, text, clientMessageId });
      if (!msg) {
        const existing = await findByClientMessageId(deps.db, conversationId, clientMessageId);
        if (!existing) throw new AppError('conflict', 'Retry shortly.');
        return { messageId: existing.id, seq: existing.seq, duplicate: true };
      }
      chat(conversationId).emit('typing', { actor: 'human', name: me.name, isTyping: false });
      chat(conversationId).emit('message:new', msg);
      nsp.to(conversationRoom(conversationId)).emit('message:new', msg);
      await Promise.all([
        recordEvent(deps.db, conversationId, 'human_reply', { messageId: msg.id, agentId: me.userId }),
        markFirstHumanReply(deps.db, conversationId),
      ]);
      return { messageId: msg.id, seq: msg.seq, duplicate: false };
    }),
  );

  socket.on(
    'note:add',
    withAck(deps, 'note:add', async (raw) => {
      const { conversationId, text } = parsePayload(NotePayload, raw);
      if (!(await getConversation(deps.db, conversationId))) throw new AppError('not_found', 'No such conversation.');
      const note = await addNote(deps.db, { conversationId, authorId: me.userId, text });
      nsp.to(conversationRoom(conversationId)).emit('note:new', note);
      return { id: note.id };
    }),
  );

  socket.on('typing', (raw: unknown) => {
    const p = AgentTypingPayload.safeParse(raw);
    if (!p.success) return;
    // Only the owner's typing reaches the customer. The console sends at most one per 3 s, so one row read each is cheap.
    if (!socket.rooms.has(conversationRoom(p.data.conversationId))) return;
    void getConversation(deps.db, p.data.conversationId).then((conv) => {
      if (conv?.status === 'human' && conv.assignedAgentId === me.userId) {
        chat(p.data.conversationId).emit('typing', { actor: 'human', name: me.name, isTyping: p.data.isTyping });
      }
    });
  });

  socket.on('presence', (raw: unknown) => {
    const p = PresencePayload.safeParse(raw);
    if (!p.success) return;
    void presenceFor(deps)
      .beat({ userId: me.userId, name: me.name, status: p.data.status })
      .then(async () => nsp.to(AGENTS_ROOM).emit('presence:updated', await presenceFor(deps).list()))
      .catch((err: unknown) => deps.logger.warn({ err }, 'presence update failed'));
  });
}
