import { afterAll, describe, expect, it } from 'vitest';
import { emptyMemory } from '@em/agents/graph';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createConversationLocks } from '@em/conversations/ordering';
import { createSessionState } from './session-state';

const redis = createRedis(TEST_REDIS_URL);
const prefix = uniqueName('convlock');
const keys = redisKeys(prefix);
afterAll(async () => {
  const leftover = await redis.keys(keys.pattern);
  if (leftover.length) await redis.del(...leftover);
  redis.disconnect();
});

describe('per-conversation lock (real Redis)', () => {
  it('admits one message at a time, re-admits the same message, and fences with growing tokens', async () => {
    const locks = createConversationLocks(redis, keys, 5000);
    const a = await locks.acquire('c1', 'm1');
    expect(a).not.toBeNull();
    expect(await locks.acquire('c1', 'm2')).toBeNull();
    expect(await locks.acquire('c2', 'm9')).not.toBeNull(); // other conversations run in parallel
    // The same job re-run after its worker died takes over at once, with a newer token.
    const again = await locks.acquire('c1', 'm1');
    expect(again!.token).toBeGreaterThan(a!.token);
    // The stale holder can neither renew nor release its successor's lock.
    expect(await a!.renew()).toBe(false);
    await a!.release();
    expect(await locks.acquire('c1', 'm2')).toBeNull();
    expect(await again!.renew()).toBe(true);
    await again!.release();
    const b = await locks.acquire('c1', 'm2');
    expect(b!.token).toBeGreaterThan(again!.token);
    await b!.release();
  });

  it('expires, so a crashed holder blocks its conversation for at most the TTL', async () => {
    const locks = createConversationLocks(redis, keys, 1000);
    expect(await locks.acquire('c3', 'm1')).not.toBeNull();
    expect(await locks.acquire('c3', 'm2')).toBeNull();
    await new Promise((r) => setTimeout(r, 1200));
    expect(await locks.acquire('c3', 'm2')).not.toBeNull();
  });

  it('refuses a session write through a lock that was taken over', async () => {
    const locks = createConversationLocks(redis, keys, 5000);
    const sessions = createSessionState(redis, keys);
    const old = (await locks.acquire('c4', 'm1'))!;
    const memory = { ...emptyMemory(), lastOrderNumber: 'EM-10001' };
    expect(await sessions.save('c4', { memory, turns: [{ seq: 1, role: 'customer', text: 'hi' }], status: 'bot' }, old)).toBe(true);
    await locks.acquire('c4', 'm1'); // successor
    expect(await sessions.save('c4', { memory: emptyMemory(), turns: [{ seq: 2, role: 'bot', text: 'stale' }], status: 'bot' }, old)).toBe(false);
    const snap = await sessions.read('c4');
    expect(snap?.memory.lastOrderNumber).toBe('EM-10001');
    expect(snap?.history.map((t) => t.seq)).toEqual([1]);
    expect(await redis.ttl(keys.session('c4'))).toBeGreaterThan(86_000);
  });
});
