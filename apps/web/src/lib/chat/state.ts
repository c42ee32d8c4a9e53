import type { SessionReady, TypingEvent } from '@em/contracts/events';
import type { ConversationStatus, Message } from '@em/contracts/schemas';

export type SendState = 'sending' | 'sent' | 'failed';

/** A Message as the widget holds it: maybe still local (not acked) or still streaming. */
export interface ChatMessage extends Message {
  /** Present on messages this tab sent; seq is 0 until the server acks. */
  local?: { state: SendState; error?: string };
  /** A bot reply still arriving through message:delta; replaced by the final message:new. */
  streaming?: boolean;
}

export type Connection = 'idle' | 'connecting' | 'online' | 'offline';

export interface ChatState {
  messages: ChatMessage[];
  conversationId?: string;
  status: ConversationStatus;
  queuePosition?: number;
  verified: boolean;
  connection: Connection;
  /** Whether a session:ready has ever arrived (distinguishes "connecting" from "offline"). */
  everReady: boolean;
  typing: TypingEvent | null;
  rated: boolean;
  /** Short, user-facing notice (e.g. a refused handshake or a failed request). */
  notice?: string;
}

export const initialChatState: ChatState = {
  messages: [],
  status: 'bot',
  verified: false,
  connection: 'idle',
  everReady: false,
  typing: null,
  rated: false,
};

export type ChatAction =
  | { type: 'reset' }
  | { type: 'connection'; connection: Connection }
  | { type: 'ready'; session: SessionReady }
  | { type: 'upsert'; messages: Message[] }
  | { type: 'delta'; messageId: string; delta: string }
  | { type: 'typing'; typing: TypingEvent | null }
  | { type: 'status'; status: ConversationStatus; queuePosition?: number }
  | { type: 'local-send'; clientMessageId: string; text: string }
  | { type: 'ack'; clientMessageId: string; messageId: string; seq: number }
  | { type: 'failed'; clientMessageId: string; error: string }
  | { type: 'retry'; clientMessageId: string }
  | { type: 'rated' }
  | { type: 'notice'; notice?: string };

/** Server messages in seq order; unsequenced ones (local, streaming) keep arrival order after them. */
const bySeq = (a: ChatMessage, b: ChatMessage) => (a.seq || Infinity) - (b.seq || Infinity) || 0;

/** Merges by id, or by clientMessageId for our own message echoed back before or after its ack. */
export function mergeMessages(list: ChatMessage[], incoming: Message[]): ChatMessage[] {
  const next = [...list];
  for (const m of incoming) {
    const i = next.findIndex(
      (x) => x.id === m.id || (!!m.clientMessageId && x.role === 'customer' && x.clientMessageId === m.clientMessageId),
    );
    const prev = i >= 0 ? next[i] : undefined;
    const merged: ChatMessage = prev?.local ? { ...m, local: { state: 'sent' } } : { ...m };
    if (i >= 0) next[i] = merged;
    else next.push(merged);
  }
  return next.sort(bySeq);
}

export const maxSeq = (messages: ChatMessage[]) => messages.reduce((max, m) => Math.max(max, m.seq || 0), 0);

const updateLocal = (s: ChatState, clientMessageId: string, patch: (m: ChatMessage) => ChatMessage): ChatState => ({
  ...s,
  messages: s.messages.map((m) => (m.local && m.clientMessageId === clientMessageId ? patch(m) : m)),
});

export function chatReducer(s: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case 'reset':
      return initialChatState;
    case 'connection':
      return { ...s, connection: a.connection, typing: a.connection === 'online' ? s.typing : null };
    case 'ready': {
      const { session } = a;
      // A different conversation (e.g. an expired token) keeps only what we have not delivered yet.
      const base = s.conversationId && s.conversationId !== session.conversationId
        ? s.messages.filter((m) => m.local && m.local.state !== 'sent')
        : s.messages;
      return {
        ...s,
        conversationId: session.conversationId,
        status: session.status,
        verified: session.verified,
        connection: 'online',
        everReady: true,
        notice: undefined,
        messages: mergeMessages(base.filter((m) => !m.streaming), session.messages),
      };
    }
    case 'upsert': {
      const replied = a.messages.some((m) => m.role === 'bot' || m.role === 'human');
      return { ...s, messages: mergeMessages(s.messages, a.messages), typing: replied ? null : s.typing };
    }
    case 'delta': {
      const i = s.messages.findIndex((m) => m.id === a.messageId);
      const existing = i >= 0 ? s.messages[i] : undefined;
      if (existing && !existing.streaming) return s; // the final message already arrived
      const messages = [...s.messages];
      if (existing) messages[i] = { ...existing, text: existing.text + a.delta };
      else
        messages.push({
          id: a.messageId,
          conversationId: s.conversationId ?? '',
          seq: 0,
          role: 'bot',
          agent: s.typing?.agent,
          text: a.delta,
          createdAt: new Date().toISOString(),
          streaming: true,
        });
      return { ...s, messages, typing: null };
    }
    case 'typing':
      return { ...s, typing: a.typing?.isTyping ? a.typing : null };
    case 'status':
      return { ...s, status: a.status, queuePosition: a.queuePosition, rated: a.status === 'resolved' ? s.rated : false };
    case 'local-send':
      return {
        ...s,
        messages: [
          ...s.messages,
          {
            id: `local:${a.clientMessageId}`,
            conversationId: s.conversationId ?? '',
            seq: 0,
            role: 'customer',
            text: a.text,
            createdAt: new Date().toISOString(),
            clientMessageId: a.clientMessageId,
            local: { state: 'sending' },
          },
        ],
      };
    case 'ack': {
      // Idempotent: if the echo (message:new) beat the ack, the message already carries these values.
      const next = updateLocal(s, a.clientMessageId, (m) => ({ ...m, id: a.messageId, seq: a.seq, local: { state: 'sent' } }));
      return { ...next, messages: next.messages.sort(bySeq) };
    }
    case 'failed':
      return updateLocal(s, a.clientMessageId, (m) => (m.local?.state === 'sent' ? m : { ...m, local: { state: 'failed', error: a.error } }));
    case 'retry':
      return updateLocal(s, a.clientMessageId, (m) => ({ ...m, local: { state: 'sending' } }));
    case 'rated':
      return { ...s, rated: true };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
