import type { Db } from '@em/db/client';
import { insertMail, listStaleQueuedMails, type NewMail } from '@em/db/queries/mail';
import { sendJobOptions, type MailQueue, type MailQueueOptions } from './queue';

/**
 * The mail outbox: every mail is a row first (status queued, its whole text), then a send job. A
 * job lost with Redis, or a crash between the two, leaves a queued row that `requeueStale` enqueues
 * again; a send that never succeeds ends `failed` with its error, visible in the console. So a mail
 * is never silently lost.
 */
export function createMailOutbox(deps: { db: Db; queue: MailQueue; options: MailQueueOptions; onEnqueueError?: (err: Error) => void }) {
  const { db, queue, options } = deps;
  const enqueueSend = (outboxId: string) => queue.add('send', { kind: 'send', outboxId }, sendJobOptions(outboxId, options));
  return {
    enqueueSend,
    async queueMail(mail: NewMail) {
      const row = await insertMail(db, mail);
      // The row is the promise; the job only delivers it. Without Redis now, the sweep enqueues it later.
      await enqueueSend(row.id).catch((err: Error) => deps.onEnqueueError?.(err));
      return row;
    },
    /** Re-enqueues rows queued for longer than `olderThanS` (a no-op for rows whose job still exists). */
    async requeueStale(olderThanS: number) {
      const rows = await listStaleQueuedMails(db, olderThanS);
      for (const r of rows) await enqueueSend(r.id);
      return rows.length;
    },
  };
}
export type MailOutbox = ReturnType<typeof createMailOutbox>;
