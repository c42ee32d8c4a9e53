import { z } from 'zod';

export const MAX_MESSAGE_CHARS = 1000;

export const DOMAINS = ['sales', 'marketing', 'support', 'logistics', 'general', 'human'] as const;
export const Domain = z.enum(DOMAINS);
export type Domain = z.infer<typeof Domain>;

export const AGENTS = ['orchestrator', 'sales', 'marketing', 'support', 'logistics', 'general'] as const;
export const AgentName = z.enum(AGENTS);
export type AgentName = z.infer<typeof AgentName>;

export const ROLES = ['customer', 'bot', 'human', 'system'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CONVERSATION_STATUSES = ['bot', 'waiting_human', 'human', 'resolved'] as const;
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const SENTIMENT_LABELS = ['very_negative', 'negative', 'neutral', 'positive'] as const;
export const Sentiment = z.object({ score: z.number(), label: z.enum(SENTIMENT_LABELS) });
export type Sentiment = z.infer<typeof Sentiment>;

export const Route = z.object({
  domain: Domain,
  confidence: z.number().min(0).max(1),
  intent: z.string().optional(),
});
export type Route = z.infer<typeof Route>;

export const MessageMeta = z.object({
  route: Route.optional(),
  sentiment: Sentiment.optional(),
  sources: z.array(z.string()).optional(),
  /** A customer message's language as the AI read it (ISO 639-1), once the AI has answered it. */
  language: z.string().optional(),
});
export type MessageMeta = z.infer<typeof MessageMeta>;

/** Attachments (DESIGN §10): at most this many per message, each at most ATTACHMENT_MAX_BYTES. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 5;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Accepted types, decided from the file's content (magic bytes), never from its name or header. */
export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] as const;
export const AttachmentMime = z.enum(ATTACHMENT_MIMES);
export type AttachmentMime = z.infer<typeof AttachmentMime>;

/** An uploaded file as clients see it; `url` needs the session or console token, or is signed. */
export const Attachment = z.object({
  id: z.string(),
  name: z.string(),
  mime: AttachmentMime,
  size: z.number().int().nonnegative(),
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/** `attachments` on message:send: ids of the sender's own uploads. */
export const AttachmentIds = z.array(z.string().uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE);

export const Message = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int().positive(),
  role: Role,
  agent: AgentName.optional(),
  authorName: z.string().optional(),
  text: z.string(),
  createdAt: z.string(),
  clientMessageId: z.string().optional(),
  replyTo: z.string().optional(),
  meta: MessageMeta.optional(),
  attachments: z.array(Attachment).optional(),
});
export type Message = z.infer<typeof Message>;

/**
 * Text that will be stored: Postgres `text` refuses NUL (U+0000), which used to surface as `internal`.
 * Refused here, at the boundary, so the caller gets `invalid_payload` (issue 15, finding 6).
 */
export const hasNoNul = (s: string) => !s.includes('\u0000');
export const NUL_MESSAGE = 'must not contain NUL (U+0000) characters';
export const StoredText = () => z.string().refine(hasNoNul, NUL_MESSAGE);

/** Trimmed plain text, 1–1000 chars; length is checked after trimming (DESIGN §3). */
export const MessageText = StoredText()
  .transform((s) => s.trim())
  .pipe(z.string().min(1).max(MAX_MESSAGE_CHARS));

export const Identity = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: StoredText().trim().max(120).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/i),
});
export type Identity = z.infer<typeof Identity>;

export const ChatAuth = z.object({
  siteKey: z.string().min(1).max(100),
  sessionToken: z.string().max(2000).optional(),
  identity: Identity.optional(),
  /** The page framing the hosted /widget (the browser's MessageEvent.origin); see the gateway's sites.ts. */
  embedOrigin: z.string().max(300).optional(),
  /**
   * A link back from a follow-up mail (issue 20, `#resume=…`): resumes its conversation while that
   * conversation still follows up with the address the link was mailed to. Used when no sessionToken is.
   */
  resumeToken: z.string().max(1000).optional(),
});
export type ChatAuth = z.infer<typeof ChatAuth>;
