import { Queue, type ConnectionOptions } from 'bullmq';
import type { Db } from '@em/db/client';
import { createFollowUpMailer } from './follow-up';
import { createMailOutbox } from './outbox';
import { DEFAULT_MAIL_QUEUE_OPTIONS, MAIL_QUEUE, type MailJob, type MailQueueOptions } from './queue';
import { createResumeLinks } from './resume-link';

export interface MailProducerOptions {
  db: Db;
  /** BullMQ producer connection (maxRetriesPerRequest: null) and this deployment's BullMQ prefix. */
  connection: ConnectionOptions;
  prefix: string;
  /** Signs links back (the gateway's SESSION_SECRET: it checks them) and where they point (the web app's /widget). */
  linkSecret: string;
  widgetUrl: string;
  /** A test's own queue name; MAIL_QUEUE otherwise. */
  queueName?: string;
  options?: Partial<MailQueueOptions>;
  onError?: (err: Error) => void;
}

/**
 * The producing side of mail, as the gateway and the worker both need it: the mail queue, the
 * outbox (row first, then a send job), links back, and the follow-up mailer the conversation core
 * calls (its FollowUpPort).
 */
export function createMailProducer(o: MailProducerOptions) {
  const options: MailQueueOptions = { ...DEFAULT_MAIL_QUEUE_OPTIONS, ...o.options };
  const queue = new Queue<MailJob>(o.queueName ?? MAIL_QUEUE, { connection: o.connection, prefix: o.prefix });
  queue.on('error', (err) => o.onError?.(err));
  const outbox = createMailOutbox({ db: o.db, queue, options, onEnqueueError: o.onError });
  const links = createResumeLinks({ secret: o.linkSecret, widgetUrl: o.widgetUrl });
  const followUp = createFollowUpMailer({ db: o.db, outbox, queue, options, links });
  return { queue, outbox, links, followUp, options, close: () => queue.close() };
}
export type MailProducer = ReturnType<typeof createMailProducer>;
