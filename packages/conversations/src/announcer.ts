import {
  AGENTS_ROOM,
  conversationRoom,
  type AgentHandoff,
  type AgentPresence,
  type AgentsServerToClientEvents,
  type ChatServerToClientEvents,
  type ConsoleNote,
  type QueueItem,
} from '@em/contracts/events';
import type { ConversationStatus, Message } from '@em/contracts/schemas';

/** An event map as socket.io types one: event name → listener. */
type EventMap<M> = { [E in keyof M]: (...args: any[]) => void };

/**
 * One namespace's broadcast side, typed by its server-to-client event map. A typed Socket.IO
 * `Namespace` (gateway) and a typed `Emitter.of(nsp)` from @socket.io/redis-emitter (worker) both
 * fit, so the same announcer runs in either process.
 */
export interface Channel<M extends EventMap<M>> {
  to(room: string): { emit<E extends keyof M & string>(event: E, ...args: Parameters<M[E]>): unknown };
}

export interface AnnounceChannels {
  chat: Channel<ChatServerToClientEvents>;
  agents: Channel<AgentsServerToClientEvents>;
}

export interface StatusAnnouncement {
  status: ConversationStatus;
  queuePosition?: number;
  /** The person who owns it now (claim, reassign); null when nobody does. */
  owner?: { id: string; name: string } | null;
}

/**
 * The only code that tells browsers about a conversation: its messages, who owns it (status,
 * hand-offs, notices), the console queue, typing and presence. Customers' tabs are in the
 * conversation's room on /chat; consoles watching it are in the same room on /agents, and every
 * console is in AGENTS_ROOM for the queue.
 */
export function createAnnouncer(ch: AnnounceChannels) {
  const customer = (conversationId: string) => ch.chat.to(conversationRoom(conversationId));
  const watchers = (conversationId: string) => ch.agents.to(conversationRoom(conversationId));
  const consoles = () => ch.agents.to(AGENTS_ROOM);
  return {
    /** A stored message (customer, bot, human or system): the customer's tabs and the consoles watching. */
    message(m: Message) {
      customer(m.conversationId).emit('message:new', m);
      watchers(m.conversationId).emit('message:new', m);
    },
    status(conversationId: string, s: StatusAnnouncement) {
      const position = s.queuePosition !== undefined ? { queuePosition: s.queuePosition } : {};
      customer(conversationId).emit('conversation:status', { status: s.status, ...position });
      consoles().emit('conversation:status', {
        conversationId,
        status: s.status,
        ...position,
        assignedAgentId: s.owner?.id ?? null,
        ...(s.owner ? { assignedAgentName: s.owner.name } : {}),
      });
    },
    handoff(conversationId: string, h: AgentHandoff) {
      customer(conversationId).emit('agent:handoff', h);
    },
    queue(items: QueueItem[]) {
      consoles().emit('queue:updated', items);
    },
    presence(agents: AgentPresence[]) {
      consoles().emit('presence:updated', agents);
    },
    note(note: ConsoleNote) {
      watchers(note.conversationId).emit('note:new', note);
    },
    /** The chat asks the customer for an email (issue 20), or no longer does: their tabs show or hide the form. */
    emailRequested(conversationId: string, requested: boolean) {
      customer(conversationId).emit('conversation:email-requested', { requested });
    },
    botTyping(conversationId: string, isTyping: boolean) {
      customer(conversationId).emit('typing', { actor: 'bot', isTyping });
    },
    /** A streamed piece of the reply `messageId` (network model). */
    delta(conversationId: string, messageId: string, delta: string) {
      customer(conversationId).emit('message:delta', { messageId, delta });
    },
    agentTyping(conversationId: string, name: string, isTyping: boolean) {
      customer(conversationId).emit('typing', { actor: 'human', name, isTyping });
    },
    /** The customer typing: to the consoles watching (their other tabs get it from the socket itself). */
    customerTyping(conversationId: string, isTyping: boolean) {
      watchers(conversationId).emit('typing', { conversationId, actor: 'customer', isTyping });
    },
  };
}
export type Announcer = ReturnType<typeof createAnnouncer>;
