import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createPresence, PRESENCE_TTL_MS } from '@em/conversations/presence';

const redis = createRedis(TEST_REDIS_URL);
const prefix = uniqueName('presence');
let clock = 1_000_000;
const presence = createPresence(redis, redisKeys(prefix), () => clock);

beforeAll(async () => {
  await redis.ping();
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('console presence (real Redis)', () => {
  it('lists heartbeating agents, counts only online ones, and forgets silent ones after the TTL', async () => {
    await presence.beat({ userId: 'a', name: 'Ana', status: 'online' });
    await presence.beat({ userId: 'b', name: 'Ben', status: 'away' });
    expect(await presence.list()).toEqual(
      expect.arrayContaining([
        { userId: 'a', name: 'Ana', status: 'online' },
        { userId: 'b', name: 'Ben', status: 'away' },
      ]),
    );
    expect(await presence.onlineCount()).toBe(1);

    clock += PRESENCE_TTL_MS - 1000;
    await presence.beat({ userId: 'b', name: 'Ben', status: 'online' });
    clock += 2000; // Ana's last beat is now older than the TTL; Ben's is fresh
    expect(await presence.list()).toEqual([{ userId: 'b', name: 'Ben', status: 'online' }]);

    await presence.leave('b');
    expect(await presence.onlineCount()).toBe(0);
  });
});
