import { AppError } from '@em/contracts/errors';
import type { ConversationEmailAck, TranscriptRequestAck } from '@em/contracts/mail';
import { findOpenHandoffTicket } from '@em/db/queries/handoff-tickets';
import { getFollowUpContact, setContactEmail } from '@em/db/queries/mail';
import { conversationLanguage } from '@em/db/queries/messages';
import type { Context } from '../context';
import { emailCopyFor } from '../email-copy';
import { ContactEmail, emailInMessage } from '../follow-up';

/**
 * The customer's email address for follow-up (issue 20): given in the widget's form
 * (`conversation:email`), typed as a message while the chat asked for it, or with a transcript
 * request. Stored on the conversation; an open ticket's confirmation is then mailed to it.
 */
export function contactEmailUseCases(ctx: Context) {
  const { db } = ctx.deps;

  const parse = (raw: string) => {
    const p = ContactEmail.safeParse(raw);
    if (!p.success) throw new AppError('invalid_payload', 'Please enter a valid email address.');
    return p.data;
  };
  const followUpOrRefuse = () => {
    if (!ctx.deps.followUp) throw new AppError('conflict', 'Email is not available for this chat.');
    return ctx.deps.followUp;
  };

  async function provideEmail(conversationId: string, raw: string): Promise<ConversationEmailAck> {
    const followUp = followUpOrRefuse();
    const email = parse(raw);
    if (!(await getFollowUpContact(db, conversationId))) throw new AppError('conversation_closed', 'This conversation no longer exists.');
    await setContactEmail(db, conversationId, email);
    ctx.deps.announce.emailRequested(conversationId, false);
    const [ticketNumber, language] = await Promise.all([findOpenHandoffTicket(db, conversationId), conversationLanguage(db, conversationId)]);
    const t = emailCopyFor(language);
    if (ticketNumber) {
      await followUp.ticketConfirmation({ conversationId, to: email, ticketNumber });
      await ctx.systemNotice(conversationId, t.ticketMailed(ticketNumber, email));
      return { email, ticketNumber };
    }
    await ctx.systemNotice(conversationId, t.emailSaved(email));
    return { email };
  }

  return {
    provideEmail,

    /**
     * A customer message that is only an email address, while the chat waits for one: taken as the
     * answer (the message stays a normal message too). Anything else, or no request pending: null.
     */
    async emailFromMessage(conversationId: string, text: string): Promise<ConversationEmailAck | null> {
      if (!ctx.deps.followUp) return null;
      const email = emailInMessage(text);
      if (!email) return null;
      const contact = await getFollowUpContact(db, conversationId);
      if (!contact?.emailRequestedAt) return null;
      return provideEmail(conversationId, email);
    },

    /** "Email me this conversation": to the address given now, else the one known; or ask for one. */
    async requestTranscript(conversationId: string, raw?: string): Promise<TranscriptRequestAck> {
      const followUp = followUpOrRefuse();
      const contact = await getFollowUpContact(db, conversationId);
      if (!contact) throw new AppError('conversation_closed', 'This conversation no longer exists.');
      const given = raw === undefined ? null : parse(raw);
      if (given && given !== contact.contactEmail) await setContactEmail(db, conversationId, given);
      const to = given ?? contact.email;
      if (!to) return { status: 'email_needed' };
      await followUp.transcript({ conversationId, to });
      return { status: 'queued', email: to };
    },
  };
}
