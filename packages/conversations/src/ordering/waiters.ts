import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '@em/config/redis';

/**
 * Wake-ups for jobs waiting on their conversation. A job that must wait registers itself (sorted by
 * seq) and sleeps in BullMQ's `delayed` set; whoever finishes a message of the conversation promotes
 * the lowest waiting one at once. This keeps a busy conversation from polling Redis and Postgres.
 * A lost wake-up (crash, Redis restart) only costs the waiter its safety delay.
 */
export function createConversationWaiters(redis: Redis, keys: Pick<RedisKeys, 'conversationWaiters'>, queue: Pick<Queue, 'getJob'>) {
  const key = keys.conversationWaiters;
  return {
    async register(conversationId: string, seq: number, jobId: string) {
      await redis.multi().zadd(key(conversationId), seq, jobId).pexpire(key(conversationId), 86_400_000).exec();
    },
    /** Promotes the lowest waiting job of the conversation, if any (and if its seq is below `belowSeq`). */
    async wakeNext(conversationId: string, belowSeq = Infinity) {
      const [jobId, score] = await redis.zrange(key(conversationId), 0, 0, 'WITHSCORES');
      if (!jobId || Number(score) >= belowSeq) return;
      if (!(await redis.zrem(key(conversationId), jobId))) return; // another worker woke it
      const job = await queue.getJob(jobId);
      // Not delayed any more (its safety delay fired, or it's running): nothing to do.
      await job?.promote().catch(() => {});
    },
  };
}
export type ConversationWaiters = ReturnType<typeof createConversationWaiters>;
