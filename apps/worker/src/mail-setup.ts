import type { Redis } from 'ioredis';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { createMailboxDirTransport } from '@em/mail/mailbox-dir';
import { createMailProducer } from '@em/mail/producer';
import { createSmtpTransport } from '@em/mail/smtp';
import { createMailWorker } from './mail-worker';

export interface MailConfig {
  NODE_ENV: string;
  SMTP_URL?: string;
  MAIL_FROM: string;
  MAIL_DIR: string;
  SESSION_SECRET: string;
  WEB_ORIGIN: string;
}

/**
 * Mail in the worker process (main.ts): SMTP when SMTP_URL is set, otherwise the development
 * mailbox (.eml files under MAIL_DIR, which `pnpm start` names). The producer is also the
 * conversation core's FollowUpPort here (tickets opened by the AI's escalations).
 */
export function setUpWorkerMail(cfg: MailConfig, deps: { db: Db; logger: Logger; keysBull: string; producerConnection: Redis; workerConnection: Redis }) {
  if (!cfg.SMTP_URL && cfg.NODE_ENV === 'production') deps.logger.warn({ dir: cfg.MAIL_DIR }, 'SMTP_URL is not set: mail is written to a local directory, not delivered');
  const transport = cfg.SMTP_URL ? createSmtpTransport(cfg.SMTP_URL) : createMailboxDirTransport(cfg.MAIL_DIR);
  const producer = createMailProducer({
    db: deps.db,
    connection: deps.producerConnection,
    prefix: deps.keysBull,
    linkSecret: cfg.SESSION_SECRET,
    widgetUrl: `${cfg.WEB_ORIGIN.replace(/\/$/, '')}/widget`,
    onError: (err) => deps.logger.warn({ err: err.message }, 'mail queue error'),
  });
  const worker = createMailWorker({
    db: deps.db,
    logger: deps.logger,
    connection: deps.workerConnection,
    prefix: deps.keysBull,
    producer,
    transport,
    from: cfg.MAIL_FROM,
    sweep: { intervalMs: 60_000, olderThanS: 120 },
  });
  deps.logger.info({ mail: transport.description, from: cfg.MAIL_FROM }, 'mail ready');
  return {
    producer,
    transport,
    async close() {
      await worker.close();
      await producer.close();
    },
  };
}
