// Time series SQL (empty buckets filled, UTC buckets) against the hand-computed fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { analyticsTimeseries, bucketCount } from '@em/db/queries/analytics-timeseries';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { insertFixture, NOW, RANGE } from './fixture';

const dbName = uniqueName('analytics_ts');
let h: DbHandle;

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 2 });
  await insertFixture(h.db);
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

const clock = { now: NOW, aiIdleMin: 30 };
const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 2, 1 + i)).toISOString());

describe('analytics time series SQL', () => {
  it('conversations per day, every day of the window present', async () => {
    const pts = await analyticsTimeseries(h.db, 'conversations', RANGE, 'day', clock);
    expect(pts.map((p) => p.t)).toEqual(days(7));
    expect(pts.map((p) => p.conversations)).toEqual([0, 2, 3, 0, 0, 0, 2]);
  });

  it('messages per day split by role', async () => {
    const pts = await analyticsTimeseries(h.db, 'messages', RANGE, 'day', clock);
    expect(pts[1]).toMatchObject({ messages: 6, customer: 3, bot: 3, human: 0 });
    // Tuesday: c3 (5 messages, reopened at 14:30), c4 and c8 (one customer message each).
    expect(pts[2]).toMatchObject({ messages: 7, customer: 4, bot: 2, human: 1 });
    expect(pts.reduce((a, p) => a + Number(p.messages), 0)).toBe(15);
  });

  it('containment and CSAT per day; empty days have null averages', async () => {
    const c = await analyticsTimeseries(h.db, 'containment', RANGE, 'day', clock);
    expect(c[1]).toMatchObject({ conversations: 2, resolvedByAi: 2, escalated: 0, rate: 1 });
    expect(c[2]).toMatchObject({ conversations: 3, resolvedByAi: 0, escalated: 3, rate: 0 });
    expect(c[0]).toMatchObject({ conversations: 0, rate: null });
    const csat = await analyticsTimeseries(h.db, 'csat', RANGE, 'day', clock);
    expect(csat[1]).toMatchObject({ aiOnly: 4, human: null, ratings: 2 });
    expect(csat[2]).toMatchObject({ aiOnly: null, human: 3, ratings: 2 });
  });

  it('sentiment of AI turns, latency percentiles and cost per day', async () => {
    const s = await analyticsTimeseries(h.db, 'sentiment', RANGE, 'day', clock);
    expect(s[1]).toMatchObject({ positive: 1, neutral: 1, negative: 1, very_negative: 0 });
    expect(s[6]).toMatchObject({ positive: 1, neutral: 1 });
    const l = await analyticsTimeseries(h.db, 'latency', RANGE, 'day', clock);
    // Monday: 1000, 2000, 3000 ms → p50 2000, p95 2900.
    expect(l[1]).toMatchObject({ p50: 2000, p95: 2900 });
    const cost = await analyticsTimeseries(h.db, 'cost', RANGE, 'day', clock);
    expect(cost[2]).toMatchObject({ costUsd: 0.005, tokens: 590 });
  });

  it('hour and week buckets (weeks start on Monday, UTC)', async () => {
    const hours = await analyticsTimeseries(h.db, 'conversations', RANGE, 'hour', clock);
    expect(hours).toHaveLength(168);
    expect(hours.find((p) => p.t === '2026-03-02T10:00:00.000Z')).toMatchObject({ conversations: 2 });
    expect(bucketCount(RANGE, 'hour')).toBeGreaterThanOrEqual(168);
    const weeks = await analyticsTimeseries(h.db, 'conversations', RANGE, 'week', clock);
    expect(weeks).toEqual([
      { t: '2026-02-23T00:00:00.000Z', conversations: 0 },
      { t: '2026-03-02T00:00:00.000Z', conversations: 7 },
    ]);
  });
});
