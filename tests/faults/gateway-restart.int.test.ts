import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { startFaultPlatform } from './fault-platform';
import { startCustomerStream } from './customer-stream';
import { expectExactlyOneReplyEach } from './assertions';
import { waitFor } from '../support/wait';

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
    await waitFor('16 replies before the fault', () => stream.stats().replied >= 16, 30_000);
    await platform.crashAndRestartGateway(1000);
    await waitFor('every client resumed', () => stream.stats().resyncs >= customers, 30_000);

    const stats = await stream.drain(60_000);
    await expectExactlyOneReplyEach('gateway-restart', dbUrl, stats, stream.ackedIds());
    expect(stats.acked).toBeGreaterThan(16);
  }, 180_000);
});
