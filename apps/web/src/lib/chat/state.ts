import type { AgentHandoff, SessionReady, TypingEvent } from '@em/contracts/events';
import type { SiteBranding, SiteOpenState } from '@em/contracts/site';
import type { Attachment, ConversationStatus, Message } from '@em/contracts/schemas';
import { handoffText, isClaim } from './labels';
import { bySeq, maxSeq, mergeMessages, type ChatMessage } from './messages';

export type { ChatMessage, SendState } from './messages';
export { maxSeq, mergeMessages } from './messages';

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
  /** The human agent's display name, learned from their typing events and messages. */
  agentName?: string;
  rated: boolean;
  /** Short, user-facing notice (e.g. a refused handshake or a failed request). */
  notice?: string;
  /** The shop's branding from session:ready (title, colour, logo, welcome, default language). */
  site?: SiteBranding;
  /** Whether people answer now (the site's business hours, from session:ready); absent = always open. */
  hours?: SiteOpenState;
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
  | { type: 'handoff'; handoff: AgentHandoff }
  | { type: 'local-send'; clientMessageId: string; text: string; attachments?: Attachment[] }
  | { type: 'ack'; clientMessageId: string; messageId: string; seq: number }
  | { type: 'failed'; clientMessageId: string; error: string }
  | { type: 'retry'; clientMessageId: string }
  | { type: 'revealed'; messageId: string }
  | { type: 'rated' }
  | { type: 'notice'; notice?: string };

const updateLocal = (s: ChatState, clientMessageId: string, patch: (m: ChatMessage) => ChatMessage): ChatState => ({
  ...s,
  messages: s.messages.map((m) => (m.local && m.clientMessageId === clientMessageId ? patch(m) : m)),
});

/** The latest human author among these messages, if any. */
const humanName = (messages: Message[]) => [...messages].reverse().find((m) => m.role === 'human' && m.authorName)?.authorName;

export function chatReducer(s: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case 'reset':
      return initialChatState;
    case 'connection':
      // Indicators never survive a lost link: nobody can tell us they stopped.
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
        site: session.site,
        hours: session.hours,
        connection: 'online',
        everReady: true,
        notice: undefined,
        agentName: humanName(session.messages) ?? s.agentName,
        messages: mergeMessages(base.filter((m) => !m.streaming), session.messages),
      };
    }
    case 'upsert': {
      // Any reply (bot, person, or a system notice) ends whatever "is typing" we were showing.
      const replied = a.messages.some((m) => m.role !== 'customer');
      return {
        ...s,
        messages: mergeMessages(s.messages, a.messages),
        typing: replied ? null : s.typing,
        agentName: humanName(a.messages) ?? s.agentName,
      };
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
    case 'typing': {
      // The customer's own typing in another tab is not "someone is typing" for them.
      if (a.typing?.actor === 'customer') return s;
      const typing = a.typing?.isTyping ? a.typing : null;
      const agentName = a.typing?.actor === 'human' && a.typing.name ? a.typing.name : s.agentName;
      return { ...s, typing, agentName };
    }
    case 'status':
      return {
        ...s,
        status: a.status,
        queuePosition: a.queuePosition,
        rated: a.status === 'resolved' ? s.rated : false,
        typing: a.status === 'resolved' ? null : s.typing,
      };
    case 'handoff': {
      const agentName = isClaim(a.handoff) ? a.handoff.to : s.agentName;
      const text = handoffText(a.handoff);
      if (!text) return { ...s, agentName };
      // Shown in place (after everything delivered so far), never sent to or stored by the server.
      const notice: ChatMessage = {
        id: `handoff:${s.messages.length}:${a.handoff.to}`,
        conversationId: s.conversationId ?? '',
        seq: maxSeq(s.messages) + 0.5,
        role: 'system',
        text,
        createdAt: new Date().toISOString(),
        notice: 'handoff',
      };
      return { ...s, agentName, messages: [...s.messages, notice].sort(bySeq) };
    }
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
            ...(a.attachments?.length ? { attachments: a.attachments } : {}),
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
      return {
        ...updateLocal(s, a.clientMessageId, (m) => (m.local?.state === 'sent' ? m : { ...m, local: { state: 'failed', error: a.error } })),
        typing: null,
      };
    case 'retry':
      return updateLocal(s, a.clientMessageId, (m) => (m.local?.state === 'sent' ? m : { ...m, local: { state: 'sending' } }));
    case 'revealed':
      return { ...s, messages: s.messages.map((m) => (m.id === a.messageId && m.streamed ? { ...m, streamed: false } : m)) };
    case 'rated':
      return { ...s, rated: true };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
