import type { Redis } from 'ioredis';
import type { RedisKeys } from '@em/config/redis';

/**
 * Per-conversation mutex in Redis with a fencing token.
 *
 * Why a lock + re-delay rather than a per-conversation list drained by the lock holder: with the
 * lock, every BullMQ job still answers exactly its own message, so BullMQ's own machinery (jobId
 * dedup, stalled-job recovery, failedReason, bull-board) keeps working per message. A drained list
 * would move messages out of BullMQ's sight and need its own crash recovery. A job that finds the
 * lock taken (or an earlier message still unanswered) is moved back to `delayed` and retried shortly.
 *
 * The value is `<token>:<messageId>`. The token comes from a per-conversation counter, so it only
 * grows: a worker whose lock expired (GC pause, partition) can't release or write through another
 * holder's lock (see `save` in session-state.ts). The same message may re-take its own lock at once:
 * that is the same BullMQ job re-run after its worker died, and BullMQ runs one copy of a job id.
 */
const ACQUIRE = `
local cur = redis.call('GET', KEYS[1])
if cur and string.match(cur, '^%d+:(.*)$') ~= ARGV[1] then return 0 end
local token = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], 86400000)
redis.call('SET', KEYS[1], token .. ':' .. ARGV[1], 'PX', ARGV[2])
return token`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface ConversationLock {
  key: string;
  /** `<token>:<messageId>`, the value the lock key must still hold for fenced writes. */
  value: string;
  token: number;
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export function createConversationLocks(redis: Redis, keys: Pick<RedisKeys, 'conversationLock'>, ttlMs: number) {
  const key = keys.conversationLock;
  return {
    async acquire(conversationId: string, messageId: string): Promise<ConversationLock | null> {
      const k = key(conversationId);
      const token = Number(await redis.eval(ACQUIRE, 2, k, `${k}:fence`, messageId, ttlMs));
      if (!token) return null;
      const value = `${token}:${messageId}`;
      return {
        key: k,
        value,
        token,
        renew: async () => Number(await redis.eval(RENEW, 1, k, value, ttlMs)) === 1,
        release: async () => {
          await redis.eval(RELEASE, 1, k, value);
        },
      };
    },
  };
}
export type ConversationLocks = ReturnType<typeof createConversationLocks>;
