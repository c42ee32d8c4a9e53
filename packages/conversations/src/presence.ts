import type { AgentPresence } from '@em/contracts/events';
import type { RedisKeys } from '@em/config/redis';

/**
 * Console presence in Redis, read by the gateway (presence:updated) and by the handoff (nobody
 * online → ticket), over the shared key layout (redisKeys). A sorted set scores each agent by when their heartbeat expires (ms since
 * epoch); a hash keeps their status and name. An agent whose heartbeats stop drops out after
 * PRESENCE_TTL_MS even if the socket never said goodbye (crash, lost network).
 */
export const PRESENCE_TTL_MS = 45_000;
/** The console beats every 15 s: three missed beats before it counts as gone. */
export const PRESENCE_HEARTBEAT_MS = 15_000;

/** The few ioredis commands used, typed structurally so a test can hand in any client. */
export interface PresenceRedis {
  zadd(key: string, score: number, member: string): Promise<unknown>;
  zrem(key: string, member: string): Promise<unknown>;
  zremrangebyscore(key: string, min: number | string, max: number | string): Promise<unknown>;
  zrangebyscore(key: string, min: number | string, max: number | string): Promise<string[]>;
  hset(key: string, field: string, value: string): Promise<unknown>;
  hdel(key: string, field: string): Promise<unknown>;
  hmget(key: string, ...fields: string[]): Promise<(string | null)[]>;
}

export interface PresenceReader {
  list(): Promise<AgentPresence[]>;
  /** Agents online (not away) right now. */
  onlineCount(): Promise<number>;
}

export function createPresence(redis: PresenceRedis, keys: Pick<RedisKeys, 'presence' | 'presenceInfo'>, now = () => Date.now()) {
  const zkey = keys.presence;
  const hkey = keys.presenceInfo;
  const list = async (): Promise<AgentPresence[]> => {
    const t = now();
    await redis.zremrangebyscore(zkey, '-inf', t);
    const ids = await redis.zrangebyscore(zkey, t, '+inf');
    if (!ids.length) return [];
    const infos = await redis.hmget(hkey, ...ids);
    return ids.flatMap((userId, i) => {
      const raw = infos[i];
      if (!raw) return [];
      const info = JSON.parse(raw) as { name: string; status: 'online' | 'away' };
      return [{ userId, name: info.name, status: info.status }];
    });
  };
  return {
    async beat(p: AgentPresence) {
      await redis.hset(hkey, p.userId, JSON.stringify({ name: p.name, status: p.status }));
      await redis.zadd(zkey, now() + PRESENCE_TTL_MS, p.userId);
    },
    async leave(userId: string) {
      await redis.zrem(zkey, userId);
      await redis.hdel(hkey, userId);
    },
    list,
    async onlineCount() {
      return (await list()).filter((p) => p.status === 'online').length;
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
