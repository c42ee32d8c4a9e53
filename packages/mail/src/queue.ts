import { z } from 'zod';

/** The mail queue's name (under the deployment's BullMQ prefix); tests pass their own. */
export const MAIL_QUEUE = 'mail';

/**
 * Jobs on the mail queue. `send`: deliver one outbox row (retried with backoff; jobId = the row's
 * id, so a re-enqueue of the same row is a no-op). `agent_replies`: collect the agents' replies of
 * one batch window and write them as one mail (jobId per conversation and window, so a burst of
 * replies makes one job, not one mail each).
 */
export const MailJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('send'), outboxId: z.string().uuid() }),
  z.object({ kind: z.literal('agent_replies'), conversationId: z.string().uuid(), since: z.string().datetime(), until: z.string().datetime() }),
]);
export type MailJob = z.infer<typeof MailJob>;

export interface MailQueueOptions {
  /** Delivery attempts before a mail is marked failed (BullMQ `attempts`). */
  attempts: number;
  /** First retry after this many ms, doubling each time (BullMQ exponential backoff). */
  backoffMs: number;
  /** Agents' replies to an offline customer are batched into one mail per window (ms). */
  batchMs: number;
}

/** Production defaults: 6 attempts over ~1 min (2+4+8+16+32 s), replies batched per 2 minutes. */
export const DEFAULT_MAIL_QUEUE_OPTIONS: MailQueueOptions = { attempts: 6, backoffMs: 2_000, batchMs: 2 * 60_000 };

/** The producer side of the mail queue (a BullMQ Queue<MailJob> fits). */
export interface MailQueue {
  add(name: string, data: MailJob, opts: Record<string, unknown>): Promise<unknown>;
}

/** One send job per outbox row: re-adding it (the stale-row sweep) while it exists is a no-op. */
export const sendJobOptions = (outboxId: string, o: MailQueueOptions) => ({
  jobId: `send-${outboxId}`,
  attempts: o.attempts,
  backoff: { type: 'exponential', delay: o.backoffMs },
  // The outbox row is the record (status, attempts, last error); the job is not kept, so an agent's
  // "send again" can add it anew under the same id.
  removeOnComplete: true,
  removeOnFail: true,
});
