// Each dashboard metric's SQL against the hand-computed fixture in ./fixture.ts (own database).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { analyticsSummary, type AnalyticsSummary } from '@em/db/queries/analytics';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { insertFixture, NOW, RANGE } from './fixture';

const dbName = uniqueName('analytics_sql');
let h: DbHandle;
let ids: { sam: string; admin: string };
let s: AnalyticsSummary;

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 4 });
  ids = await insertFixture(h.db);
});
// Per test, not once in beforeAll: StrykerJS (issue 16) activates a mutant for a test, after the
// file's beforeAll has run, so a summary computed there would never see the mutant.
beforeEach(async () => {
  s = await analyticsSummary(h.db, RANGE, NOW);
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

describe('analytics summary SQL (hand-computed fixture)', () => {
  it('volume: conversations and messages in the window, busiest weekday × hour (UTC)', () => {
    // c9 (widget opened, nobody typed) counts nowhere; messages = last_seq of c1–c6, c8 (2+4+5+1+1+1+1).
    expect(s.volume).toMatchObject({ conversations: 7, messages: 15 });
    expect(s.volume.busiestHours).toEqual([
      { dow: 0, hour: 10, count: 2 },
      { dow: 1, hour: 14, count: 1 },
      { dow: 1, hour: 15, count: 1 },
      { dow: 1, hour: 20, count: 1 },
      { dow: 5, hour: 23, count: 2 },
    ]);
  });

  it('AI outcome: containment, handoffs by reason and by specialist, by sentiment', () => {
    // Contained = AI answered, never went to a person: c1, c2 (resolved) and c6 (open, idle 4 min < 30).
    expect(s.ai).toMatchObject({ conversations: 7, contained: 3, resolvedByAi: 2, containmentRate: 0.2857, idleResolveMinutes: 30 });
    expect(s.ai).toMatchObject({ handledByHuman: 3, escalated: 4, handoffRate: 0.5714 });
    expect(new Set(s.ai.byReason.map((x) => `${x.reason}:${x.count}:${x.rate}`))).toEqual(
      new Set(['negative_sentiment:1:0.1429', 'customer_request:1:0.1429', 'timeout:1:0.1429', 'policy:1:0.1429']),
    );
    // Rate = escalations / the specialist's replies (sales 2, support 3, logistics 2 with c3's reopening).
    expect(new Set(s.ai.bySpecialist.map((x) => `${x.agent}:${x.count}:${x.rate}`))).toEqual(
      new Set(['logistics:1:0.5', 'none:1:0', 'sales:1:0.5', 'support:1:0.3333']),
    );
    expect(new Set(s.ai.escalationsBySentiment.map((x) => `${x.sentiment}:${x.count}`))).toEqual(new Set(['neutral:2', 'unknown:1', 'very_negative:1']));
  });

  it('AI outcome: clarifying-question rate, fallbacks and timeouts', () => {
    expect(s.ai).toMatchObject({ replies: 8, clarifying: 2, clarifyingRate: 0.25, fallbacks: 1, fallbackRate: 0.125, jobFailures: 1, timeouts: 1 });
  });

  it('routing: replies by domain with mean confidence and confidence bands', () => {
    expect(s.routing[0]).toEqual({ domain: 'support', count: 3, avgConfidence: 0.65, low: 1, medium: 1, high: 1 });
    expect(s.routing.slice(1).sort((a, b) => a.domain.localeCompare(b.domain))).toEqual([
      { domain: 'general', count: 1, avgConfidence: 0.3, low: 1, medium: 0, high: 0 },
      { domain: 'logistics', count: 2, avgConfidence: 0.875, low: 0, medium: 0, high: 2 },
      { domain: 'sales', count: 2, avgConfidence: 0.8, low: 0, medium: 1, high: 1 },
    ]);
  });

  it('humans: first response and resolution p50/p90 overall and per agent', () => {
    // First responses 90 s, 180 s, 240 s; resolutions 600 s, 1,200 s (c8 unresolved). c3 went back to
    // the AI after Sam resolved it (owner cleared): it stays Sam's, with its rating of 4.
    expect(s.humans.overall).toEqual({
      agentId: null, name: null, conversations: 3,
      firstResponseP50Ms: 180_000, firstResponseP90Ms: 228_000,
      resolutionP50Ms: 900_000, resolutionP90Ms: 1_140_000,
      csatAvg: 3, csatCount: 2,
    });
    expect(s.humans.perAgent).toEqual([
      { agentId: ids.sam, name: 'Sam Rivera', conversations: 2, firstResponseP50Ms: 210_000, firstResponseP90Ms: 234_000,
        resolutionP50Ms: 1_200_000, resolutionP90Ms: 1_200_000, csatAvg: 4, csatCount: 1 },
      { agentId: ids.admin, name: 'Morgan Admin', conversations: 1, firstResponseP50Ms: 90_000, firstResponseP90Ms: 90_000,
        resolutionP50Ms: 600_000, resolutionP90Ms: 600_000, csatAvg: 2, csatCount: 1 },
    ]);
  });

  it('satisfaction: CSAT for AI-only vs human-handled conversations', () => {
    expect(s.satisfaction).toEqual({
      aiOnly: { n: 2, avg: 4, distribution: [0, 0, 1, 0, 1] },
      human: { n: 2, avg: 3, distribution: [0, 1, 0, 1, 0] },
    });
  });

  it('live: waiting customers, longest wait, active conversations, latency p50/p95 of the last 15 min', () => {
    // c5 waits since 23:50 (600 s at midnight); c5 and c6 wrote within 15 min; replies 500 and 1500 ms.
    expect(s.live).toEqual({ waiting: 1, longestWaitMs: 600_000, withHuman: 1, active: 2, latencyP50Ms: 1000, latencyP95Ms: 1450, latencyN: 2 });
  });

  it('cost: tokens and USD per provider', () => {
    // Four replies each (c3's reopening turn is offline): a tie ranks by provider name.
    expect(s.cost).toEqual([
      { provider: 'offline', replies: 4, promptTokens: 0, completionTokens: 0, costUsd: 0 },
      { provider: 'openai', replies: 4, promptTokens: 650, completionTokens: 120, costUsd: 0.0065 },
    ]);
  });

  it('an empty window answers zeros and nulls, not errors', async () => {
    const empty = await analyticsSummary(h.db, { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-01-02T00:00:00Z') }, new Date('2020-01-02T00:00:00Z'));
    expect(empty.volume).toEqual({ conversations: 0, messages: 0, busiestHours: [], byLanguage: [] });
    expect(empty.ai).toMatchObject({ conversations: 0, containmentRate: 0, replies: 0, clarifyingRate: 0, byReason: [], bySpecialist: [] });
    expect(empty.humans.overall).toMatchObject({ conversations: 0, firstResponseP50Ms: null });
    expect(empty.satisfaction.aiOnly).toEqual({ n: 0, avg: null, distribution: [0, 0, 0, 0, 0] });
    expect(empty.live).toMatchObject({ latencyP50Ms: null, latencyN: 0 });
    expect(empty.cost).toEqual([]);
  });
});
