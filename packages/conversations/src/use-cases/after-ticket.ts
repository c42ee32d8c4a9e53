import { getFollowUpContact, markEmailRequested, setContactEmail } from '@em/db/queries/mail';
import { conversationLanguage } from '@em/db/queries/messages';
import type { Context } from '../context';
import { emailCopyFor } from '../email-copy';

export interface TicketOpened {
  conversationId: string;
  ticketNumber: string;
}

/**
 * Email follow-up on a ticket opened because nobody can answer now (nobody online, or outside
 * business hours; issue 20). A verified customer's address is used as is and the confirmation
 * naming the ticket is mailed; a guest is asked for an address in the chat, once (their answer
 * arrives through contact-email.ts, which then mails the confirmation). Without mail configured
 * (no FollowUpPort) nothing is asked or sent. A mail problem never undoes or fails the hand-over:
 * it is reported and the ticket stands.
 */
export async function afterTicket(ctx: Context, t: TicketOpened): Promise<'mailed' | 'asked' | 'nothing'> {
  const { db, followUp } = ctx.deps;
  if (!followUp) return 'nothing';
  try {
    const contact = await getFollowUpContact(db, t.conversationId);
    if (!contact) return 'nothing';
    if (contact.email) {
      // Remember where follow-up goes, so links back and later mails use the same address.
      if (!contact.contactEmail) await setContactEmail(db, t.conversationId, contact.email);
      await followUp.ticketConfirmation({ conversationId: t.conversationId, to: contact.email, ticketNumber: t.ticketNumber });
      return 'mailed';
    }
    if (!(await markEmailRequested(db, t.conversationId))) return 'nothing';
    await ctx.systemNotice(t.conversationId, emailCopyFor(await conversationLanguage(db, t.conversationId)).askEmail);
    ctx.deps.announce.emailRequested(t.conversationId, true);
    return 'asked';
  } catch (err) {
    ctx.deps.reportError?.(err, 'email follow-up after a ticket');
    return 'nothing';
  }
}
