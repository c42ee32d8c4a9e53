import type { Redis } from 'ioredis';
import { emptyMemory, type Memory } from '@em/agents/graph';

/** Live session state (entity memory, last agent) in Redis with a 24 h TTL; Postgres keeps the transcript. */
export const SESSION_TTL_S = 24 * 3600;

export function createSessionState(redis: Redis, prefix: string) {
  const key = (conversationId: string) => `${prefix}:session:${conversationId}`;
  return {
    async load(conversationId: string): Promise<Memory> {
      const raw = await redis.get(key(conversationId));
      if (!raw) return emptyMemory();
      try {
        return { ...emptyMemory(), ...(JSON.parse(raw) as Partial<Memory>) };
      } catch {
        return emptyMemory();
      }
    },
    async save(conversationId: string, memory: Memory) {
      await redis.set(key(conversationId), JSON.stringify(memory), 'EX', SESSION_TTL_S);
    },
  };
}
export type SessionState = ReturnType<typeof createSessionState>;
