import { z } from 'zod';
import type { Result } from './errors';
import type { ConversationEmailAck, ConversationEmailPayload, TranscriptRequestAck, TranscriptRequestPayload } from './mail';
import {
  AgentName,
  AttachmentIds,
  ConversationStatus,
  MAX_MESSAGE_CHARS,
  MessageText,
  StoredText,
  type Message,
} from './schemas';
import type { SiteBranding, SiteOpenState } from './site';

// ---- /chat client → server payloads (parsed with zod at runtime by the gateway) ----
/**
 * `text` with `attachments` (issue 20): ids of the sender's own uploads (at most 5); the text is then
 * an optional caption and may be empty. Without attachments the text is required (MessageText).
 */
const TextOrCaption = StoredText()
  .transform((s) => s.trim())
  .pipe(z.string().max(MAX_MESSAGE_CHARS));
const captioned = { text: TextOrCaption.default(''), attachments: AttachmentIds.optional() };
/** Something to send: a text, or at least one attachment; each attachment named once. */
const sendable = (p: { text: string; attachments?: string[] | undefined }, ctx: z.RefinementCtx) => {
  const ids = p.attachments ?? [];
  if (!p.text && !ids.length) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write a message or attach a file.' });
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['attachments'], message: 'An attachment is named twice.' });
};
export const MessageSendPayload = z.object({ clientMessageId: z.string().uuid(), ...captioned }).superRefine(sendable);
export type MessageSendPayload = z.input<typeof MessageSendPayload>;

export const TypingPayload = z.object({ isTyping: z.boolean() });
export const RequestHumanPayload = z.object({ reason: StoredText().trim().max(500).optional() });
export const RatePayload = z.object({
  score: z.number().int().min(1).max(5),
  comment: StoredText().trim().max(1000).optional(),
});
export const HistorySyncPayload = z.object({ afterSeq: z.number().int().min(0) });

// ---- /chat server → client payloads ----
export interface SessionReady {
  sessionToken: string;
  conversationId: string;
  status: ConversationStatus;
  verified: boolean;
  messages: Message[];
  /** The chat is waiting for an email to follow up on a ticket (issue 20): the widget shows its email form. */
  emailRequested?: boolean;
  /** The shop's branding (SITES_JSON), when it has any: title, colour, logo, welcome, language. */
  site?: SiteBranding;
  /**
   * Whether people answer now (the site's business hours, issue 20); absent for a site without hours
   * (always open). Closed: the widget says when people are back (`nextOpenAt`); the AI still answers.
   */
  hours?: SiteOpenState;
}
export interface MessageSendAck {
  messageId: string;
  seq: number;
  duplicate: boolean;
}
export interface MessageDelta {
  messageId: string;
  delta: string;
}
export interface TypingEvent {
  /** `customer`: the customer typing in another tab of the same conversation (widgets ignore it). */
  actor: 'bot' | 'human' | 'customer';
  agent?: AgentName;
  name?: string;
  isTyping: boolean;
}
export interface AgentHandoff {
  from: string;
  to: string;
  reason: string;
}
export interface ConversationStatusEvent {
  status: ConversationStatus;
  queuePosition?: number;
}

export type Ack<T> = (result: Result<T>) => void;

export interface ChatClientToServerEvents {
  'message:send': (payload: MessageSendPayload, ack: Ack<MessageSendAck>) => void;
  typing: (payload: z.input<typeof TypingPayload>) => void;
  'conversation:request-human': (payload: z.input<typeof RequestHumanPayload>, ack: Ack<{ status: ConversationStatus }>) => void;
  'conversation:rate': (payload: z.input<typeof RatePayload>, ack: Ack<{ recorded: true }>) => void;
  'history:sync': (payload: z.input<typeof HistorySyncPayload>, ack: Ack<{ messages: Message[] }>) => void;
  /** Email follow-up (issue 20; payloads and acks in ./mail): the address to write to, and "Email me this conversation". */
  'conversation:email': (payload: z.input<typeof ConversationEmailPayload>, ack: Ack<ConversationEmailAck>) => void;
  'conversation:transcript': (payload: z.input<typeof TranscriptRequestPayload>, ack: Ack<TranscriptRequestAck>) => void;
}

export interface ChatServerToClientEvents {
  'session:ready': (payload: SessionReady) => void;
  'message:new': (message: Message) => void;
  'message:delta': (payload: MessageDelta) => void;
  typing: (payload: TypingEvent) => void;
  'agent:handoff': (payload: AgentHandoff) => void;
  'conversation:status': (payload: ConversationStatusEvent) => void;
  /** The chat asks for an email to follow up (true) or has one now (false); issue 20. The widget shows or hides its form. */
  'conversation:email-requested': (payload: { requested: boolean }) => void;
}

// ---- /agents (console) ----
export const ClaimPayload = z.object({ conversationId: z.string().uuid() });
export const AgentMessagePayload = z.object({ conversationId: z.string().uuid(), clientMessageId: z.string().uuid(), ...captioned }).superRefine(sendable);
export const NotePayload = z.object({ conversationId: z.string().uuid(), text: MessageText });
export const AgentTypingPayload = z.object({ conversationId: z.string().uuid(), isTyping: z.boolean() });
export const PresencePayload = z.object({ status: z.enum(['online', 'away']) });
/** Admin only: move a waiting or claimed conversation to another active agent. */
export const ReassignPayload = z.object({ conversationId: z.string().uuid(), agentId: z.string().uuid() });

/** /agents rooms: every console socket joins AGENTS_ROOM (queue), and conversationRoom(id) while viewing it. */
export const AGENTS_ROOM = 'agents';

export interface QueueItem {
  conversationId: string;
  customerName?: string;
  reason: string;
  priority: number;
  waitingSince: string;
  lastMessage?: string;
  customerEmail?: string;
  /** Why it escalated, in words (e.g. "Talk to a person button"). */
  detail?: string;
  sentiment?: string;
  /**
   * `waiting_human`: the customer waits live for a person (the AI is silent). `bot`: nobody was
   * online, so a ticket was opened and the AI answers meanwhile; the first agent online may still
   * claim it (DESIGN §5). Absent from older servers: read as `waiting_human`.
   */
  status?: 'waiting_human' | 'bot';
  /** The open support ticket the handoff opened because nobody was online (e.g. "TK-1234"). */
  ticketNumber?: string;
}

export interface AgentPresence {
  userId: string;
  name: string;
  status: 'online' | 'away';
}

export interface ConsoleNote {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface AgentsClientToServerEvents {
  'conversation:claim': (p: z.input<typeof ClaimPayload>, ack: Ack<{ conversationId: string }>) => void;
  'conversation:release': (p: z.input<typeof ClaimPayload>, ack: Ack<{ status: ConversationStatus }>) => void;
  'conversation:resolve': (p: z.input<typeof ClaimPayload>, ack: Ack<{ status: ConversationStatus }>) => void;
  'message:send': (p: z.input<typeof AgentMessagePayload>, ack: Ack<MessageSendAck>) => void;
  'note:add': (p: z.input<typeof NotePayload>, ack: Ack<{ id: string }>) => void;
  typing: (p: z.input<typeof AgentTypingPayload>) => void;
  presence: (p: z.input<typeof PresencePayload>) => void;
  /** Start/stop receiving a conversation's live messages and typing (its room). */
  'conversation:watch': (p: z.input<typeof ClaimPayload>, ack: Ack<{ conversationId: string }>) => void;
  'conversation:unwatch': (p: z.input<typeof ClaimPayload>) => void;
  'conversation:reassign': (p: z.input<typeof ReassignPayload>, ack: Ack<{ conversationId: string; agentId: string }>) => void;
}

export interface AgentsServerToClientEvents {
  'queue:snapshot': (items: QueueItem[]) => void;
  'queue:updated': (items: QueueItem[]) => void;
  'message:new': (message: Message) => void;
  /** actor `customer` is the customer typing in the widget (console side only). */
  typing: (payload: Omit<TypingEvent, 'actor'> & { actor: TypingEvent['actor'] | 'customer'; conversationId: string }) => void;
  'conversation:status': (
    payload: ConversationStatusEvent & { conversationId: string; assignedAgentId?: string | null; assignedAgentName?: string },
  ) => void;
  'presence:updated': (agents: AgentPresence[]) => void;
  'note:new': (note: ConsoleNote) => void;
}

export type InterServerEvents = Record<string, never>;

export interface ChatSocketData {
  conversationId: string;
  customerId?: string;
  verified: boolean;
  siteKey: string;
}

/** Socket.IO rooms: one per conversation so every tab and gateway node gets each message. */
export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
