import type { Redis } from 'ioredis';
import type { RedisKeys } from '@em/config/redis';

/** A repeat of a clientMessageId within this window acks duplicate:true (DESIGN §8). */
export const DEDUP_TTL_S = 600;

/**
 * Redis-backed so it holds across gateway nodes. claim() is SET NX: the first caller wins and
 * later ones get the stored message id (or "pending" while the first is still writing).
 */
export function createDedup(redis: Redis, keys: Pick<RedisKeys, 'dedup'>) {
  const key = keys.dedup;
  return {
    async claim(conversationId: string, clientMessageId: string): Promise<{ won: true } | { won: false; value: string | null }> {
      const k = key(conversationId, clientMessageId);
      const ok = await redis.set(k, 'pending', 'EX', DEDUP_TTL_S, 'NX');
      return ok ? { won: true } : { won: false, value: await redis.get(k) };
    },
    async settle(conversationId: string, clientMessageId: string, messageId: string) {
      await redis.set(key(conversationId, clientMessageId), messageId, 'EX', DEDUP_TTL_S);
    },
    async release(conversationId: string, clientMessageId: string) {
      await redis.del(key(conversationId, clientMessageId));
    },
  };
}
export type Dedup = ReturnType<typeof createDedup>;
