import { z } from 'zod';

// ---- Email follow-up (issue 20, DESIGN §10: SMTP_URL, MAIL_FROM) ----

/** An address the customer gives to be written to: trimmed, at most 254 characters (RFC 5321). */
export const EmailAddress = z.string().trim().max(254).pipe(z.email());

/**
 * /chat `conversation:email` ({ email }, ack): the customer gives the address follow-up mail goes to
 * (asked for when a ticket opens while nobody can answer). Acks `{ email, ticketNumber? }`: the
 * ticket whose confirmation was mailed to it. `invalid_payload` for anything that is not an email.
 */
export const ConversationEmailPayload = z.object({ email: EmailAddress });
export interface ConversationEmailAck {
  email: string;
  ticketNumber?: string;
}

/**
 * /chat `conversation:transcript` ({ email? }, ack): "Email me this conversation". With `email` it is
 * stored as the conversation's address first. Acks `{ status: 'queued', email }`, or
 * `{ status: 'email_needed' }` when no address is known (the widget then asks for one and sends again).
 */
export const TranscriptRequestPayload = z.object({ email: EmailAddress.optional() });
export type TranscriptRequestAck = { status: 'queued'; email: string } | { status: 'email_needed' };

/** A mail of a conversation as the console brief shows it (GET /api/conversations/:id/mails). */
export interface ConversationMail {
  id: string;
  kind: 'ticket_confirmation' | 'agent_reply' | 'transcript';
  to: string;
  subject: string;
  /** queued (being sent or retried), sent, or failed after its last attempt (the text is kept). */
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
}

/** GET /api/conversations/:id/mails → { mails } (newest first). */
export const ConversationMailsResponse = z.object({
  mails: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['ticket_confirmation', 'agent_reply', 'transcript']),
      to: z.string(),
      subject: z.string(),
      status: z.enum(['queued', 'sent', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().optional(),
      createdAt: z.string(),
      sentAt: z.string().optional(),
    }),
  ),
});
/** POST /api/conversations/:id/mails/:mailId/retry → { id, status: 'queued' } (a failed mail only). */
export const MailRetryResponse = z.object({ id: z.string(), status: z.literal('queued') });
