import { EmailAddress } from '@em/contracts/mail';

/**
 * Mail that follows up on a conversation (issue 20), as the conversation core asks for it. The
 * implementation (@em/mail follow-up.ts) renders and queues it; without one (mail not configured,
 * or a test that does not need it) nothing is mailed and no email is asked for.
 */
export interface FollowUpPort {
  ticketConfirmation(input: { conversationId: string; to: string; ticketNumber: string }): Promise<unknown>;
  /** An agent's reply the customer was not there to read (batched per conversation). */
  agentReplied(input: { conversationId: string; messageId: string }): Promise<unknown>;
  transcript(input: { conversationId: string; to: string }): Promise<unknown>;
}

/** An address the platform will write to (the contract's EmailAddress), lower-cased. */
export const ContactEmail = EmailAddress.transform((e) => e.toLowerCase());

/** The address, when a whole message is nothing but one (a guest answering "what is your email?"). */
export function emailInMessage(text: string): string | null {
  const parsed = ContactEmail.safeParse(text.trim().replace(/^<(.*)>$/, '$1').replace(/[.!]$/, ''));
  return parsed.success ? parsed.data : null;
}
