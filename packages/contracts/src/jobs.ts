import { z } from 'zod';

/** BullMQ queue name (DESIGN §8). */
export const MESSAGES_QUEUE = 'messages';

/** The job the gateway enqueues for each accepted customer message; jobId = messageId. */
export const MessageJob = z.object({
  messageId: z.string().uuid(),
  conversationId: z.string().uuid(),
  seq: z.number().int().positive(),
});
export type MessageJob = z.infer<typeof MessageJob>;

/**
 * What a finished message job returns (BullMQ's `returnvalue`, read back by the gateway's queue
 * observer): the reply's id (or a repeat's, or why the AI stayed silent) and the job's latency from
 * enqueue to finish, measured by the worker as it finishes, so the observer needs no read of the job.
 */
export const MessageJobResult = z.object({
  replyId: z.string().optional(),
  duplicate: z.boolean().optional(),
  skipped: z.string().optional(),
  latencyMs: z.number().nonnegative().optional(),
});
export type MessageJobResult = z.infer<typeof MessageJobResult>;
