// GET /api/analytics/* over HTTP on the in-process gateway: auth, validation, and the numbers
// of the hand-computed fixture (./fixture.ts) coming through intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsSummaryResponse, RatingCommentsResponse, TimeseriesResponse } from '@em/contracts/rest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { insertFixture } from './fixture';

let h: Harness;
let token: string;
let adminToken: string;
let f: Awaited<ReturnType<typeof insertFixture>>;
const Q = 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z';

beforeAll(async () => {
  h = await startHarness('analytics_api', { worker: false });
  f = await insertFixture(h.dbh.db);
  token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  adminToken = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
});
afterAll(async () => h?.stop());

const get = (path: string, auth: Record<string, string> = { authorization: `Bearer ${token}` }) => fetch(`${h.url}${path}`, { headers: auth });

describe('analytics HTTP API', () => {
  it('needs a console token (bearer or the em_console cookie)', async () => {
    for (const p of ['/api/analytics/summary', '/api/analytics/timeseries?metric=conversations', '/api/analytics/export.csv']) {
      const res = await get(p, {});
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await get(`/api/analytics/summary?${Q}`, { cookie: `em_console=${token}` })).status).toBe(200);
  });

  it('summary returns the fixture numbers plus live queue depth and agents online', async () => {
    const res = await get(`/api/analytics/summary?${Q}`);
    expect(res.status).toBe(200);
    const s = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(s.range).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' });
    expect(s.volume).toMatchObject({ conversations: 7, messages: 15 });
    // The gateway's "now" is the real clock: c6 has been idle with the AI since March, past the default
    // 30 minutes, so it counts as resolved by the AI next to c1 and c2.
    expect(s.ai).toMatchObject({ resolvedByAi: 3, containmentRate: 0.4286, idleResolveMinutes: 30, escalated: 4, clarifyingRate: 0.25, timeouts: 1 });
    expect(s.humans!.overall).toMatchObject({ firstResponseP50Ms: 180_000, resolutionP90Ms: 1_140_000 });
    // Live is "now": the fixture's c5 still waits and c8 is with Sam; nothing queued in BullMQ.
    expect(s.live).toMatchObject({ waiting: 1, withHuman: 1, queueDepth: 0, agentsOnline: 0 });
  });

  it('counts console agents online from the presence the /agents namespace writes', async () => {
    const presence = h.deps.presence;
    await presence.beat({ userId: 'u-online', name: 'Online Agent', status: 'online' });
    await presence.beat({ userId: 'u-away', name: 'Away Agent', status: 'away' });
    const s = (await (await get(`/api/analytics/summary?${Q}`)).json()) as { live: { agentsOnline: number } };
    expect(s.live.agentsOnline).toBe(1);
    await presence.leave('u-online');
    await presence.leave('u-away');
  });

  it('summary and every timeseries metric are exactly the @em/contracts/rest bodies the dashboard parses', async () => {
    const summary: unknown = await (await get(`/api/analytics/summary?${Q}`)).json();
    expect(AnalyticsSummaryResponse.parse(summary)).toEqual(summary);
    for (const metric of TimeseriesResponse.shape.metric.options) {
      const series: unknown = await (await get(`/api/analytics/timeseries?metric=${metric}&bucket=day&${Q}`)).json();
      expect(TimeseriesResponse.parse(series)).toEqual(series);
    }
  });

  it('timeseries returns filled buckets', async () => {
    const res = await get(`/api/analytics/timeseries?metric=conversations&bucket=day&${Q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { metric: string; points: { t: string; conversations: number }[] };
    expect(body.metric).toBe('conversations');
    expect(body.points.map((p) => p.conversations)).toEqual([0, 2, 3, 0, 0, 0, 2]);
  });

  it('export.csv has a header and one row per day', async () => {
    const res = await get(`/api/analytics/export.csv?${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="electromart-analytics-2026-03-01-to-2026-03-08\.csv"/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^bucket_start_utc,conversations,resolved_by_ai,escalated,containment_rate,messages,/);
    expect(lines[2]!.startsWith('2026-03-02T00:00:00.000Z,2,2,0,1,6,3,3,0,4,,2,')).toBe(true);
  });

  it('invalid query parameters answer 400 invalid_payload', async () => {
    for (const q of [
      '/api/analytics/summary?from=not-a-date',
      '/api/analytics/summary?from=2026-03-08&to=2026-03-01',
      '/api/analytics/timeseries?metric=nope',
      '/api/analytics/timeseries?metric=messages&bucket=hour&from=2025-01-01&to=2025-12-01',
      '/api/analytics/export.csv?bucket=year',
      '/api/analytics/summary?unexpected=1',
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    }
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${h.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/analytics/summary', '/api/analytics/timeseries', '/api/analytics/export.csv', '/api/analytics/conversations.csv', '/api/analytics/comments']),
    );
  });
});

// Issue 19: numbers a manager can trust, and who sees what.
const asAdmin = (path: string) => get(path, { authorization: `Bearer ${adminToken}` });
const SENTIMENTS = ['very_negative', 'negative', 'neutral', 'positive'] as const;

describe('analytics HTTP API: issue 19', () => {
  it('the sentiment series the chart draws carries the same counts as the CSV export, per day and per hour', async () => {
    const csv = (await (await get(`/api/analytics/export.csv?${Q}`)).text()).trim().split('\r\n').map((l) => l.split(','));
    const col = (name: string) => csv[0]!.indexOf(`sentiment_${name}`);
    const day = TimeseriesResponse.parse(await (await get(`/api/analytics/timeseries?metric=sentiment&bucket=day&${Q}`)).json());
    expect(day.points).toHaveLength(7);
    day.points.forEach((p, i) => {
      for (const l of SENTIMENTS) expect(String(p[l]), `${p.t} ${l}`).toBe(csv[i + 1]![col(l)]);
    });
    // Tuesday: c3 very negative then positive (after the reopening), c8 neutral.
    expect(day.points[2]).toMatchObject({ very_negative: 1, negative: 0, neutral: 1, positive: 1 });
    const hour = TimeseriesResponse.parse(await (await get(`/api/analytics/timeseries?metric=sentiment&bucket=hour&${Q}`)).json());
    expect(hour.points).toHaveLength(168);
    expect(hour.points.filter((p) => SENTIMENTS.some((l) => Number(p[l]) > 0)).map((p) => p.t)).toEqual([
      '2026-03-02T10:00:00.000Z',
      '2026-03-03T14:00:00.000Z',
      '2026-03-03T20:00:00.000Z',
      '2026-03-07T23:00:00.000Z',
    ]);
  });

  it('an agent sees only their own row of the human-agents table; an admin sees every agent', async () => {
    const mine = AnalyticsSummaryResponse.parse(await (await get(`/api/analytics/summary?${Q}`)).json());
    expect(mine.humans.scope).toBe('own');
    expect(mine.humans.perAgent.map((a) => [a.agentId, a.csatAvg])).toEqual([[f.sam, 4]]);
    expect(mine.humans.overall).toMatchObject({ conversations: 3, csatAvg: 3 });
    const all = AnalyticsSummaryResponse.parse(await (await asAdmin(`/api/analytics/summary?${Q}`)).json());
    expect(all.humans.scope).toBe('all');
    expect(all.humans.perAgent.map((a) => a.agentId)).toEqual([f.sam, f.admin]);
  });

  it('comments: recent CSAT comments with the resolving agent; an agent gets their own', async () => {
    const all = RatingCommentsResponse.parse(await (await asAdmin(`/api/analytics/comments?${Q}`)).json());
    expect(all.scope).toBe('all');
    expect(all.comments.map((c) => [c.conversationId, c.score, c.agentName])).toEqual([
      [f.ids[3], 2, 'Morgan Admin'],
      [f.ids[2], 4, 'Sam Rivera'],
      [f.ids[0], 5, null],
    ]);
    const mine = RatingCommentsResponse.parse(await (await get(`/api/analytics/comments?limit=5&${Q}`)).json());
    expect(mine).toMatchObject({ scope: 'own', comments: [{ conversationId: f.ids[2], comment: 'Sam sorted it' }] });
    expect((await get(`/api/analytics/comments?limit=1000&${Q}`)).status).toBe(400);
  });

  it('conversations.csv: one row per conversation, formula-safe cells; an agent gets the conversations they worked on', async () => {
    const res = await asAdmin(`/api/analytics/conversations.csv?${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/filename="electromart-conversations-2026-03-01-to-2026-03-08\.csv"/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('conversation_id,started_utc,last_activity_utc,status,owner,route,sentiment,handed_off,handoff_reason,csat,comment');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toBe(
      `${f.ids[0]},2026-03-02T10:00:00.000Z,2026-03-02T10:00:00.000Z,resolved,AI,sales,positive,no,,5,"'=HYPERLINK(""http://evil.test"",""Click"")"`,
    );
    expect(lines.find((l) => l.startsWith(f.ids[3]!))).toBe(
      `${f.ids[3]},2026-03-03T15:00:00.000Z,2026-03-03T15:00:00.000Z,resolved,Morgan Admin,,,yes,Asked for a person,2,Too slow`,
    );
    const mine = (await (await get(`/api/analytics/conversations.csv?${Q}`)).text()).trim().split('\r\n');
    expect(mine.slice(1).map((l) => l.split(',')[0])).toEqual([f.ids[2], f.ids[7]]);
  });
});
