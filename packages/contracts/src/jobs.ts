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
