// Issue 16 (StrykerJS, `analytics` group): the dashboard's rankings and weighted averages. The
// hand-checked fixture (./fixture.ts) has one conversation per reason, specialist and CSAT score,
// so every ranking there is a tie and a CSAT average weighted by count equals an unweighted one.
// This fixture gives each reason, specialist, sentiment and agent a different count, in the
// opposite order of their names (SQL's grouping order), and puts two conversations on one score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { consoleUsers, conversationEvents, conversations, messages } from '@em/db/schema';
import { analyticsSummary } from '@em/db/queries/analytics';
import { escalationBreakdown } from '@em/db/queries/analytics-ai';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';

const dbName = uniqueName('analytics_rank');
let h: DbHandle;

const RANGE = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-04-08T00:00:00Z') };
// Agent ids sort in the opposite order of how many chats each handles (1, 2, 3).
const AGENTS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;

/** Escalated chats: [reason, specialist of the last AI reply, its sentiment, assigned agent (null: handed back)]. */
const ESCALATED: Array<[string, string, string, string | null]> = [
  ['policy', 'support', 'positive', AGENTS[2]],
  ['policy', 'support', 'positive', AGENTS[2]],
  ['policy', 'support', 'positive', AGENTS[2]],
  ['policy', 'support', 'positive', null],
  ['negative_sentiment', 'sales', 'neutral', AGENTS[1]],
  ['negative_sentiment', 'sales', 'neutral', AGENTS[1]],
  ['customer_request', 'logistics', 'negative', AGENTS[0]],
];
/** AI-only chats, resolved, with their CSAT score: two 4s and a 2. */
const RATED = [4, 4, 2];

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 4 });
  await h.db.insert(consoleUsers).values(AGENTS.map((id, i) => ({ id, email: `rank${i}@analytics.test`, name: `Rank ${i + 1}`, role: 'agent', passwordHash: 'x' })));
  let minute = 0;
  const at = () => new Date(Date.UTC(2026, 3, 2, 10, minute++));
  for (const [reason, agent, sentiment, owner] of ESCALATED) {
    const createdAt = at();
    const [c] = await h.db
      .insert(conversations)
      .values({
        siteKey: 'demo-site', createdAt, lastMessageAt: createdAt, status: owner ? 'human' : 'bot', escalationReason: reason,
        handledByHuman: true, assignedAgentId: owner, claimedAt: createdAt,
      })
      .returning();
    // Issue 19: a conversation counts once the customer wrote.
    await h.db.insert(messages).values({ conversationId: c!.id, seq: 1, role: 'customer', text: 'x', createdAt });
    const data = { messageId: crypto.randomUUID(), domain: agent, agent, confidence: 0.9, clarifying: false, handoffs: 0, ms: 100, sentiment };
    await h.db.insert(conversationEvents).values([
      { conversationId: c!.id, type: 'ai_reply', data, createdAt: at() },
      { conversationId: c!.id, type: 'status_changed', data: { status: 'waiting_human', reason }, createdAt: at() },
    ]);
  }
  for (const score of RATED) {
    const createdAt = at();
    const [c] = await h.db
      .insert(conversations)
      .values({ siteKey: 'demo-site', createdAt, lastMessageAt: createdAt, status: 'resolved', resolvedAt: at(), csatScore: score })
      .returning();
    await h.db.insert(messages).values({ conversationId: c!.id, seq: 1, role: 'customer', text: 'x', createdAt });
  }
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

describe('rankings: most first', () => {
  it('handoffs by reason', async () => {
    const s = await analyticsSummary(h.db, RANGE, RANGE.to);
    expect(s.ai.byReason).toEqual([
      { reason: 'policy', count: 4, rate: 0.4 },
      { reason: 'negative_sentiment', count: 2, rate: 0.2 },
      { reason: 'customer_request', count: 1, rate: 0.1 },
    ]);
  });

  it('escalations by specialist and by sentiment, and their total', async () => {
    const s = await analyticsSummary(h.db, RANGE, RANGE.to);
    expect(s.ai.bySpecialist.map((x) => [x.agent, x.count])).toEqual([
      ['support', 4],
      ['sales', 2],
      ['logistics', 1],
    ]);
    expect(s.ai.escalationsBySentiment).toEqual([
      { sentiment: 'positive', count: 4 },
      { sentiment: 'neutral', count: 2 },
      { sentiment: 'negative', count: 1 },
    ]);
    const b = await escalationBreakdown(h.db, RANGE);
    expect(b.total).toBe(7);
    expect(b.byAgent).toEqual([
      { key: 'support', count: 4 },
      { key: 'sales', count: 2 },
      { key: 'logistics', count: 1 },
    ]);
  });

  it('agents by conversations handled; a chat handed back (no owner) counts overall, under no agent', async () => {
    const s = await analyticsSummary(h.db, RANGE, RANGE.to);
    expect(s.humans.overall.conversations).toBe(7);
    expect(s.humans.perAgent.map((a) => [a.agentId, a.name, a.conversations])).toEqual([
      [AGENTS[2], 'Rank 3', 3],
      [AGENTS[1], 'Rank 2', 2],
      [AGENTS[0], 'Rank 1', 1],
    ]);
  });
});

describe('weighted averages', () => {
  it('CSAT weighs each score by how many chats gave it', async () => {
    const s = await analyticsSummary(h.db, RANGE, RANGE.to);
    expect(s.satisfaction.aiOnly).toEqual({ n: 3, avg: 3.33, distribution: [0, 1, 0, 2, 0] });
    expect(s.satisfaction.human).toEqual({ n: 0, avg: null, distribution: [0, 0, 0, 0, 0] });
  });
});
