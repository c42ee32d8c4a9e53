// Issue 19: the metric definitions a manager reads off the dashboard, on the hand-computed fixture
// (./fixture.ts): what counts as a conversation, AI containment with the idle rule, CSAT attributed
// to whoever resolved, rating comments, and the per-conversation export rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { analyticsSummary } from '@em/db/queries/analytics';
import { recentRatingComments } from '@em/db/queries/analytics-comments';
import { conversationsForExport } from '@em/db/queries/analytics-conversations';
import { analyticsTimeseries } from '@em/db/queries/analytics-timeseries';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { COMMENT_C1, insertFixture, NOW, RANGE } from './fixture';

const dbName = uniqueName('analytics_def');
let h: DbHandle;
let f: Awaited<ReturnType<typeof insertFixture>>;
const clock = { now: NOW, aiIdleMin: 30 };

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 4 });
  f = await insertFixture(h.db);
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

describe('a conversation starts with the customer’s first message', () => {
  it('a widget opened without typing (c9, Wednesday) counts in no metric', async () => {
    const s = await analyticsSummary(h.db, RANGE, NOW);
    expect(s.volume.conversations).toBe(7);
    expect(s.volume.busiestHours.find((x) => x.dow === 2)).toBeUndefined();
    const perDay = await analyticsTimeseries(h.db, 'conversations', RANGE, 'day', clock);
    expect(perDay[3]).toMatchObject({ t: '2026-03-04T00:00:00.000Z', conversations: 0 });
    const rows = await conversationsForExport(h.db, RANGE);
    expect(rows.map((r) => r.id)).not.toContain(f.ids[8]);
    expect(rows).toHaveLength(7);
  });
});

describe('AI containment', () => {
  it('counts conversations the AI answered that never went to a person; an idle one is resolved by the AI', async () => {
    // c6 has been idle 4 minutes at NOW: open at the default 30 min, resolved by the AI at 3.
    const strict = await analyticsSummary(h.db, RANGE, NOW, 30);
    expect(strict.ai).toMatchObject({ contained: 3, resolvedByAi: 2, containmentRate: 0.2857, idleResolveMinutes: 30 });
    const loose = await analyticsSummary(h.db, RANGE, NOW, 3);
    expect(loose.ai).toMatchObject({ contained: 3, resolvedByAi: 3, containmentRate: 0.4286, idleResolveMinutes: 3 });
    // Same rule per bucket: Saturday has c5 (went to a person) and c6.
    const sat = (await analyticsTimeseries(h.db, 'containment', RANGE, 'day', { now: NOW, aiIdleMin: 3 }))[6];
    expect(sat).toMatchObject({ conversations: 2, resolvedByAi: 1, escalated: 1, rate: 0.5 });
  });
});

describe('CSAT belongs to whoever resolved the conversation it rates', () => {
  it('Sam keeps the 4 of c3 after the customer wrote again (owner cleared); the admin has the 2 of c4', async () => {
    const s = await analyticsSummary(h.db, RANGE, NOW);
    const row = (id: string) => s.humans.perAgent.find((a) => a.agentId === id);
    expect(row(f.sam)).toMatchObject({ conversations: 2, csatAvg: 4, csatCount: 1, resolutionP50Ms: 1_200_000 });
    expect(row(f.admin)).toMatchObject({ conversations: 1, csatAvg: 2, csatCount: 1 });
    expect(s.humans.overall).toMatchObject({ csatAvg: 3, csatCount: 2 });
  });

  it('recent comments: newest first, with the resolving agent (none when nobody did), filtered by agent', async () => {
    const all = await recentRatingComments(h.db, RANGE, { limit: 10 });
    expect(all).toEqual([
      { conversationId: f.ids[3], score: 2, comment: 'Too slow', at: '2026-03-03T15:12:00.000Z', agentId: f.admin, agentName: 'Morgan Admin' },
      { conversationId: f.ids[2], score: 4, comment: 'Sam sorted it', at: '2026-03-03T14:22:00.000Z', agentId: f.sam, agentName: 'Sam Rivera' },
      { conversationId: f.ids[0], score: 5, comment: COMMENT_C1, at: '2026-03-02T10:06:00.000Z', agentId: null, agentName: null },
    ]);
    expect(await recentRatingComments(h.db, RANGE, { limit: 1 })).toHaveLength(1);
    expect((await recentRatingComments(h.db, RANGE, { limit: 10, agentId: f.sam })).map((c) => c.comment)).toEqual(['Sam sorted it']);
  });
});

describe('per-conversation export rows', () => {
  it('owner, first route, last sentiment, handed off and why, CSAT and comment', async () => {
    const rows = await conversationsForExport(h.db, RANGE);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(f.ids[0]!)).toEqual({
      id: f.ids[0], startedAt: '2026-03-02T10:00:00.000Z', lastActivityAt: '2026-03-02T10:00:00.000Z', status: 'resolved',
      owner: 'AI', route: 'sales', sentiment: 'positive', handedOff: false, reason: null, csat: 5, comment: COMMENT_C1,
    });
    // c3: first route logistics, last sentiment positive (the turn after the reopening), back with the AI.
    expect(byId.get(f.ids[2]!)).toMatchObject({ owner: 'AI', route: 'logistics', sentiment: 'positive', handedOff: true, reason: 'negative_sentiment', csat: 4 });
    expect(byId.get(f.ids[3]!)).toMatchObject({ owner: 'Morgan Admin', route: null, handedOff: true, reason: 'customer_request', csat: 2, comment: 'Too slow' });
    expect(byId.get(f.ids[4]!)).toMatchObject({ owner: null, status: 'waiting_human', reason: 'timeout' });
    expect(byId.get(f.ids[7]!)).toMatchObject({ owner: 'Sam Rivera', route: 'support', sentiment: 'neutral', reason: 'policy', csat: null });
    // An agent's own export: the conversations they claimed, handed back or resolved (c3, c8 for Sam).
    expect((await conversationsForExport(h.db, RANGE, { agentId: f.sam })).map((r) => r.id)).toEqual([f.ids[2], f.ids[7]]);
  });
});
