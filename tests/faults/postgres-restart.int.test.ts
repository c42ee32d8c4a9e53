import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { startPrivatePostgres } from '../support/private-services';
import { startFaultPlatform, watchReadiness } from './fault-platform';
import { startCustomerStream } from './customer-stream';
import { expectExactlyOneReplyEach } from './assertions';
import { waitFor } from '../support/wait';

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
    await waitFor('16 replies before the fault', () => stream.stats().replied >= 16, 30_000);

    await pg.stop();
    await waitFor('/ready 503 naming postgres', () => ready.seen.some((r) => r.status === 503 && r.down.includes('postgres')), 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    await pg.start();
    await waitFor('/ready 200 again', () => ready.seen.at(-1)?.status === 200, 30_000);
    await new Promise((r) => setTimeout(r, 2000));

    const stats = await stream.drain(90_000);
    ready.stop();
    await expectExactlyOneReplyEach('postgres-restart', dbUrl, stats, stream.ackedIds());
    expect(stats.acked).toBeGreaterThan(16);
  }, 180_000);
});
