import type { Server } from 'socket.io';
import { AGENTS_ROOM, conversationRoom } from '@em/contracts/events';
import type { Message } from '@em/contracts/schemas';
import { listQueue } from '@em/db/queries/queue';
import type { GatewayDeps } from '../deps';

/**
 * A customer message reaches every console watching the conversation; while it waits for a
 * person, the queue row (last message) is refreshed for everyone.
 */
export async function relayCustomerMessage(io: Server, deps: Pick<GatewayDeps, 'db'>, status: string, msg: Message) {
  const agents = io.of('/agents');
  agents.to(conversationRoom(msg.conversationId)).emit('message:new', msg);
  if (status === 'waiting_human') agents.to(AGENTS_ROOM).emit('queue:updated', await listQueue(deps.db));
}

/** The customer's typing goes to the consoles watching that conversation, never back to /chat. */
export function relayCustomerTyping(io: Server, conversationId: string, isTyping: boolean) {
  io.of('/agents').to(conversationRoom(conversationId)).emit('typing', { conversationId, actor: 'customer', isTyping });
}
