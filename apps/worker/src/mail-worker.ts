import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { createMailProcessor } from '@em/mail/processor';
import type { MailProducer } from '@em/mail/producer';
import type { MailTransport } from '@em/mail/transport';

export interface MailWorkerDeps {
  db: Db;
  logger: Logger;
  /** BullMQ's blocking connection (maxRetriesPerRequest: null), not shared with the producer. */
  connection: ConnectionOptions;
  prefix: string;
  producer: MailProducer;
  transport: MailTransport;
  /** MAIL_FROM. */
  from: string;
  concurrency?: number;
  /** Re-enqueue outbox rows still queued after `olderThanS` s, every `intervalMs` (0: off). */
  sweep?: { intervalMs: number; olderThanS: number };
}

/**
 * The mail processor (DESIGN §10, issue 20) in the worker process: it already runs BullMQ workers
 * and the conversation core, and mail is light (I/O-bound), so a separate process would only add
 * one more thing for `pnpm start` and deployments to run. Sends retry with exponential backoff
 * (MailQueueOptions); each attempt is recorded on the outbox row the console shows.
 */
export function createMailWorker(deps: MailWorkerDeps) {
  const { producer, logger } = deps;
  const processor = createMailProcessor({ db: deps.db, transport: deps.transport, from: deps.from, outbox: producer.outbox, links: producer.links });
  const worker = new Worker(producer.queue.name, (job) => processor.process(job), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 4,
  });
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'mail attempt failed'));
  worker.on('error', (err) => logger.warn({ err: err.message }, 'mail worker error'));

  const sweep = deps.sweep?.intervalMs
    ? setInterval(() => {
        producer.outbox.requeueStale(deps.sweep!.olderThanS).catch((err: Error) => logger.warn({ err: err.message }, 'mail sweep failed'));
      }, deps.sweep.intervalMs)
    : undefined;
  sweep?.unref();

  return {
    worker,
    async close() {
      clearInterval(sweep);
      await worker.close();
      deps.transport.close();
    },
  };
}
export type MailWorker = ReturnType<typeof createMailWorker>;
