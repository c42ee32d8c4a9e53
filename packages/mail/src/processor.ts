import type { Db } from '@em/db/client';
import { getFollowUpContact, getMail, humanRepliesBetween, markMailAttempt, markMailSent } from '@em/db/queries/mail';
import { conversationLanguage } from '@em/db/queries/messages';
import type { MailOutbox } from './outbox';
import { MailJob } from './queue';
import type { ResumeLinks } from './resume-link';
import { agentRepliesMail } from './templates';
import type { MailTransport } from './transport';

/** What the processor needs to know of a BullMQ job (a real Job fits). */
export interface MailJobLike {
  id?: string;
  data: unknown;
  attemptsMade: number;
  opts: { attempts?: number };
}

export interface MailProcessorDeps {
  db: Db;
  transport: MailTransport;
  /** MAIL_FROM, e.g. "ElectroMart Support <support@electromart.test>". */
  from: string;
  outbox: MailOutbox;
  links?: ResumeLinks;
}

/**
 * Runs mail jobs. `send`: deliver one outbox row and record the outcome on it (attempts, error,
 * sent/failed), rethrowing so BullMQ retries with backoff until the last attempt. `agent_replies`:
 * write one mail with the agents' replies of a batch window.
 */
export function createMailProcessor(deps: MailProcessorDeps) {
  const { db, transport } = deps;

  async function send(outboxId: string, job: MailJobLike) {
    const row = await getMail(db, outboxId);
    // Already delivered (a re-run after a crash between send and record would send twice; this guards the rest).
    if (!row || row.status === 'sent') return { skipped: row ? 'already_sent' : 'no_row' };
    const attempts = row.attempts + 1;
    try {
      await transport.send({ from: deps.from, to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody, headers: { 'X-EM-Outbox-Id': row.id } });
    } catch (err) {
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await markMailAttempt(db, row.id, { attempts, lastError: err instanceof Error ? err.message : String(err), failed: last });
      throw err;
    }
    await markMailSent(db, row.id, attempts);
    return { sent: row.id };
  }

  async function agentReplies(conversationId: string, since: Date, until: Date) {
    const [contact, replies, language] = await Promise.all([
      getFollowUpContact(db, conversationId),
      humanRepliesBetween(db, conversationId, since, until),
      conversationLanguage(db, conversationId),
    ]);
    if (!contact?.email) return { skipped: 'no_email' };
    if (!replies.length) return { skipped: 'no_replies' };
    const link = deps.links?.url({ conversationId, siteKey: contact.siteKey, email: contact.email });
    const mail = agentRepliesMail(language, { replies, link });
    const row = await deps.outbox.queueMail({ conversationId, kind: 'agent_reply', toAddress: contact.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
    return { queued: row.id, replies: replies.length };
  }

  return {
    async process(job: MailJobLike) {
      const data = MailJob.parse(job.data);
      if (data.kind === 'send') return send(data.outboxId, job);
      return agentReplies(data.conversationId, new Date(data.since), new Date(data.until));
    },
  };
}
export type MailProcessor = ReturnType<typeof createMailProcessor>;
