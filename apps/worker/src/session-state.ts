import type { Redis } from 'ioredis';
import { emptyMemory, type Memory } from '@em/agents/graph';
import type { ConversationLock } from '@em/conversations/ordering';
import type { RedisKeys } from '@em/config/redis';

/**
 * Live session state in Redis with a 24 h TTL: the graph's entity memory, the active agent, the
 * status and a bounded tail of the transcript. Postgres keeps the durable transcript; losing this key
 * (Redis restart, TTL) only costs the entity memory of the conversation.
 */
export const SESSION_TTL_S = 24 * 3600;
/** Recent turns kept in the live session (customer + reply = 2 entries per turn). */
export const SESSION_HISTORY_MAX = 20;

export interface SessionTurn {
  seq: number;
  role: string;
  text: string;
  agent?: string;
}
export interface SessionSnapshot {
  memory: Memory;
  history: SessionTurn[];
  activeAgent?: string;
  status: string;
  updatedAt: string;
}

// Writes only while `lockKey` still holds `lockValue` (fencing: a holder whose lock expired can't
// overwrite its successor's state). Without a lock (in-process tests) it writes unconditionally.
const FENCED_SET = `
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[3] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1`;

export function createSessionState(redis: Redis, keys: Pick<RedisKeys, 'session'>) {
  const key = keys.session;
  async function read(conversationId: string): Promise<SessionSnapshot | null> {
    const raw = await redis.get(key(conversationId));
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<SessionSnapshot>;
      return {
        memory: { ...emptyMemory(), ...(parsed.memory ?? {}) },
        history: Array.isArray(parsed.history) ? parsed.history : [],
        activeAgent: parsed.activeAgent,
        status: parsed.status ?? 'bot',
        updatedAt: parsed.updatedAt ?? new Date(0).toISOString(),
      };
    } catch {
      return null;
    }
  }
  return {
    read,
    async load(conversationId: string): Promise<Memory> {
      return (await read(conversationId))?.memory ?? emptyMemory();
    },
    /** Records one answered turn; returns false when the fencing check refused the write. */
    async save(
      conversationId: string,
      update: { memory: Memory; turns: SessionTurn[]; activeAgent?: string; status: string },
      lock?: Pick<ConversationLock, 'key' | 'value'>,
    ): Promise<boolean> {
      const prev = await read(conversationId);
      const seen = new Set((prev?.history ?? []).map((t) => t.seq));
      const history = [...(prev?.history ?? []), ...update.turns.filter((t) => !seen.has(t.seq))]
        .sort((a, b) => a.seq - b.seq)
        .slice(-SESSION_HISTORY_MAX);
      const snapshot: SessionSnapshot = {
        memory: update.memory,
        history,
        activeAgent: update.activeAgent ?? prev?.activeAgent,
        status: update.status,
        updatedAt: new Date().toISOString(),
      };
      const ok = await redis.eval(FENCED_SET, 2, key(conversationId), lock?.key ?? key(conversationId), JSON.stringify(snapshot), SESSION_TTL_S, lock?.value ?? '');
      return Number(ok) === 1;
    },
  };
}
export type SessionState = ReturnType<typeof createSessionState>;
