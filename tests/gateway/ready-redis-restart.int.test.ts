// /ready tells the truth through a Redis outage, and chat's rate limits keep working meanwhile.
// Uses its OWN redis-server (never the shared one), which it stops and restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@em/config/logger';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { createLimits, DEFAULT_LIMITS } from '../../apps/gateway/src/limits';
import { createMetrics } from '../../apps/gateway/src/metrics';
import { startPrivateRedis, type PrivateRedis } from '../support/private-services';
import { ensureGatewayBuilt, spawnGateway, waitFor, type GatewayProcess } from './processes';

let redis: PrivateRedis;
let gw: GatewayProcess;
const dbName = uniqueName('ready');

beforeAll(async () => {
  ensureGatewayBuilt();
  redis = await startPrivateRedis({ persist: true });
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  gw = await spawnGateway({ DATABASE_URL: dbUrl, REDIS_URL: redis.url, REDIS_PREFIX: dbName });
}, 120_000);
afterAll(async () => {
  await gw?.stop();
  await redis?.dispose();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName).catch(() => {});
});

const ready = async () => {
  const res = await fetch(`${gw.url}/ready`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; down: string[] } };
};

describe('/ready across a Redis restart (same gateway process)', () => {
  it('is 200, then 503 naming redis and the queue while Redis is down, then 200 again', async () => {
    // /health answers as soon as the process listens; /ready only once its Redis client has connected,
    // which under a loaded CI machine can take a moment longer.
    const up = await waitFor('200 from /ready at start', async () => {
      const r = await ready();
      return r.status === 200 && r;
    }, 30_000);
    expect(up.body).toMatchObject({ ready: true, down: [] });
    await redis.stop();
    const down = await waitFor('503 from /ready', async () => {
      const r = await ready();
      return r.status === 503 && r;
    });
    expect(down.body.down).toEqual(expect.arrayContaining(['redis', 'queue']));
    expect(down.body.down).not.toContain('postgres');
    expect((await fetch(`${gw.url}/health`)).status).toBe(200);
    await redis.start();
    const back = await waitFor('200 from /ready after the restart', async () => {
      const r = await ready();
      return r.status === 200 && r;
    }, 30_000);
    expect(back.body).toEqual({ ready: true, down: [], checks: { postgres: true, redis: true, queue: true } });
    expect(gw.proc.exitCode).toBeNull();
  }, 60_000);

  it('rate limits fall back to the in-memory insurance limiter while Redis is down', async () => {
    const client = createRedis(redis.url);
    client.on('error', () => {});
    const metrics = createMetrics();
    const limits = createLimits(
      { redis: client, keys: redisKeys(dbName), metrics, logger: createLogger('test', 'silent') },
      { ...DEFAULT_LIMITS, httpPerIp: { points: 3, durationS: 60 } },
    );
    try {
      await waitFor('client ready', async () => client.status === 'ready');
      await limits.take('http_ip', 'a'); // a limit kept in Redis (per-socket ones are in memory)
      expect(await client.keys(`${dbName}:rl:*`)).not.toHaveLength(0);
      // A socket's own limits are counted in this process (a socket lives on one node): no Redis keys.
      await limits.take('event_socket', 'sock-1');
      await limits.message('sock-1', 'conv-1');
      expect(await client.keys(`${dbName}:rl:evt-socket*`)).toEqual([]);
      expect(await client.keys(`${dbName}:rl:msg-socket*`)).toEqual([]);
      expect(await client.keys(`${dbName}:rl:msg-session*`)).not.toHaveLength(0);
      await redis.stop();
      await waitFor('client notices the outage', async () => client.status !== 'ready');
      // Redis is gone: the node still limits on its own, and never throws anything but rate_limited.
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => limits.take('http_ip', 'b').then(() => 'ok', (e: { code?: string }) => e.code)),
      );
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(2);
    } finally {
      client.disconnect();
      await redis.start();
    }
  }, 60_000);
});
