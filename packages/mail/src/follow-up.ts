import type { Db } from '@em/db/client';
import { listMessages } from '@em/db/queries/conversations';
import { getFollowUpContact, hasMailNaming, messageCreatedAt } from '@em/db/queries/mail';
import { conversationLanguage } from '@em/db/queries/messages';
import type { MailOutbox } from './outbox';
import type { MailQueue, MailQueueOptions } from './queue';
import type { ResumeLinks } from './resume-link';
import { ticketConfirmationMail, transcriptMail } from './templates';

/**
 * The follow-up mails a conversation can ask for (the FollowUpPort of @em/conversations, kept
 * structural so the conversation core does not depend on mail). Each is rendered now, in the
 * conversation's language, and written to the outbox; agents' replies are batched first.
 */
export function createFollowUpMailer(deps: { db: Db; outbox: MailOutbox; queue: MailQueue; options: MailQueueOptions; links?: ResumeLinks; now?: () => number }) {
  const { db, outbox, queue, options } = deps;
  const now = deps.now ?? (() => Date.now());
  const linkFor = (conversationId: string, siteKey: string, email: string) => deps.links?.url({ conversationId, siteKey, email });

  return {
    /** The ticket confirmation, once per ticket (a second request for the same ticket writes nothing). */
    async ticketConfirmation(input: { conversationId: string; to: string; ticketNumber: string }) {
      const { conversationId, to, ticketNumber } = input;
      if (await hasMailNaming(db, conversationId, 'ticket_confirmation', ticketNumber)) return { queued: false as const };
      const [contact, language] = await Promise.all([getFollowUpContact(db, conversationId), conversationLanguage(db, conversationId)]);
      const mail = ticketConfirmationMail(language, { ticketNumber, link: contact ? linkFor(conversationId, contact.siteKey, to) : undefined });
      const row = await outbox.queueMail({ conversationId, kind: 'ticket_confirmation', toAddress: to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
      return { queued: true as const, outboxId: row.id };
    },

    /**
     * An agent replied while the customer is away: one job per conversation and batch window (by the
     * reply's database time), run when the window closes, mails every reply written in it.
     */
    async agentReplied(input: { conversationId: string; messageId: string }) {
      const at = (await messageCreatedAt(db, input.messageId))?.getTime();
      if (at === undefined) return;
      const start = Math.floor(at / options.batchMs) * options.batchMs;
      const until = start + options.batchMs;
      await queue.add(
        'agent_replies',
        { kind: 'agent_replies', conversationId: input.conversationId, since: new Date(start).toISOString(), until: new Date(until).toISOString() },
        {
          jobId: `replies-${input.conversationId}-${start}`,
          // A second past the window's end, so a reply committed at its last moment is in it.
          delay: Math.max(0, until - now() + 1000),
          attempts: 3,
          backoff: { type: 'exponential', delay: options.backoffMs },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      );
    },

    /** The whole conversation, as the customer asked ("Email me this conversation"). */
    async transcript(input: { conversationId: string; to: string }) {
      const { conversationId, to } = input;
      const [contact, language, messages] = await Promise.all([
        getFollowUpContact(db, conversationId),
        conversationLanguage(db, conversationId),
        listMessages(db, conversationId),
      ]);
      const lines = messages.map((m) => ({ role: m.role, authorName: m.authorName, text: m.text, createdAt: m.createdAt }));
      const mail = transcriptMail(language, { lines, link: contact ? linkFor(conversationId, contact.siteKey, to) : undefined });
      const row = await outbox.queueMail({ conversationId, kind: 'transcript', toAddress: to, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
      return { outboxId: row.id };
    },
  };
}
export type FollowUpMailer = ReturnType<typeof createFollowUpMailer>;
