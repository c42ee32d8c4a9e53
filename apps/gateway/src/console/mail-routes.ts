import { Router } from 'express';
import { AppError } from '@em/contracts/errors';
import type { ConversationMail } from '@em/contracts/mail';
import { getMail, listConversationMails, requeueMail } from '@em/db/queries/mail';
import type { GatewayDeps } from '../deps';
import { requireConsole } from './console-auth';
import { MailParams as Params, MailRetryParams as RetryParams } from './mail-params';
import './openapi-mail';

/**
 * The conversation's follow-up mail for the console brief (issue 20): what was mailed to the
 * customer, and whether it went out. A failed mail keeps its text; an agent may send it again.
 */
export function createMailRouter(deps: GatewayDeps): Router {
  const router = Router();
  router.get('/conversations/:id/mails', requireConsole(deps), async (req, res) => {
    const p = Params.safeParse(req.params);
    if (!p.success) throw new AppError('not_found', 'No such conversation.');
    const rows = await listConversationMails(deps.db, p.data.id);
    const mails: ConversationMail[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind as ConversationMail['kind'],
      to: r.toAddress,
      subject: r.subject,
      status: r.status as ConversationMail['status'],
      attempts: r.attempts,
      ...(r.lastError ? { lastError: r.lastError } : {}),
      createdAt: r.createdAt.toISOString(),
      ...(r.sentAt ? { sentAt: r.sentAt.toISOString() } : {}),
    }));
    res.json({ mails });
  });
  router.post('/conversations/:id/mails/:mailId/retry', requireConsole(deps), async (req, res) => {
    const p = RetryParams.safeParse(req.params);
    if (!p.success) throw new AppError('not_found', 'No such mail.');
    const mail = await getMail(deps.db, p.data.mailId);
    if (!mail || mail.conversationId !== p.data.id) throw new AppError('not_found', 'No such mail.');
    if (!deps.mail) throw new AppError('conflict', 'Mail is not configured.');
    if (!(await requeueMail(deps.db, mail.id))) throw new AppError('conflict', 'Only a failed mail can be sent again.');
    await deps.mail.outbox.enqueueSend(mail.id);
    res.json({ id: mail.id, status: 'queued' });
  });
  return router;
}
