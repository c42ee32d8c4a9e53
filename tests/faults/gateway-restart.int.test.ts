import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { startFaultPlatform } from './fault-platform';
import { startCustomerStream } from './customer-stream';
import { repliesPerMessage, waitFor } from './assertions';

const dbName = uniqueName('fgw');
let platform: Awaited<ReturnType<typeof startFaultPlatform>>;
let dbUrl: string;

beforeAll(async () => {
  dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  platform = await startFaultPlatform({ databaseUrl: dbUrl, redisUrl: TEST_REDIS_URL, prefix: dbName });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

describe('fault: the gateway crashes (SIGKILL) and restarts under a steady stream', () => {
  it('clients resume their sessions, resync, and every acked message has exactly one reply', async () => {
    const customers = 8;
    const stream = startCustomerStream({ url: platform.url, customers, intervalMs: 1000 });
    await waitFor(() => stream.stats().replied >= 16, 30_000);
    await platform.crashAndRestartGateway(1000);
    await waitFor(() => stream.stats().resyncs >= customers, 30_000, 'every client resumed');

    const stats = await stream.drain(60_000);
    console.log(`fault:gateway-restart ${JSON.stringify({ ...stats, lost: stats.lost.length })}`);
    expect(stats.unacked).toBe(0);
    expect(stats.lost).toEqual([]);
    expect(stats.duplicates).toBe(0);
    const sql = postgres(dbUrl, { max: 1 });
    try {
      expect(await repliesPerMessage(sql, stream.ackedIds())).toEqual({ messages: stats.acked, withOneReply: stats.acked });
    } finally {
      await sql.end();
    }
  }, 180_000);
});
