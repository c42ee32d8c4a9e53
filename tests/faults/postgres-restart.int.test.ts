import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { startPrivatePostgres } from './private-services';
import { startFaultPlatform, watchReadiness } from './fault-platform';
import { startCustomerStream } from './customer-stream';
import { describeLost, repliesPerMessage, waitFor } from './assertions';

let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
let platform: Awaited<ReturnType<typeof startFaultPlatform>>;
let dbUrl: string;

beforeAll(async () => {
  pg = await startPrivatePostgres();
  dbUrl = await createDatabase(pg.adminUrl, 'em_fault_pg');
  await migrateAndSeed(dbUrl);
  platform = await startFaultPlatform({ databaseUrl: dbUrl, redisUrl: TEST_REDIS_URL, prefix: uniqueName('fpg') });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await pg?.dispose();
});

describe('fault: Postgres restarts under a steady stream of conversations', () => {
  it('answers every acked message exactly once, and /ready tells the truth meanwhile', async () => {
    const stream = startCustomerStream({ url: platform.url, customers: 8, intervalMs: 1000 });
    const ready = watchReadiness(platform.url);
    await waitFor(() => stream.stats().replied >= 16, 30_000);

    await pg.stop();
    await waitFor(() => ready.seen.some((r) => r.status === 503 && r.down.includes('postgres')), 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    await pg.start();
    await waitFor(() => ready.seen.at(-1)?.status === 200, 30_000);
    await new Promise((r) => setTimeout(r, 2000));

    const stats = await stream.drain(90_000);
    ready.stop();
    console.log(`fault:postgres-restart ${JSON.stringify({ ...stats, lost: stats.lost.length })}`);
    if (stats.lost.length) {
      const sql = postgres(dbUrl, { max: 1 });
      console.log('lost:', JSON.stringify(await describeLost(sql, stats.lost)));
      await sql.end();
    }
    expect(stats.unacked).toBe(0);
    expect(stats.lost).toEqual([]);
    expect(stats.duplicates).toBe(0);
    expect(stats.acked).toBeGreaterThan(16);
    const sql = postgres(dbUrl, { max: 1 });
    try {
      expect(await repliesPerMessage(sql, stream.ackedIds())).toEqual({ messages: stats.acked, withOneReply: stats.acked });
    } finally {
      await sql.end();
    }
  }, 180_000);
});
