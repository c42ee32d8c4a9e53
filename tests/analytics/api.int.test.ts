// GET /api/analytics/* over HTTP on the in-process gateway: auth, validation, and the numbers
// of the hand-computed fixture (./fixture.ts) coming through intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsSummaryResponse, TimeseriesResponse } from '@em/contracts/rest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { insertFixture } from './fixture';

let h: Harness;
let token: string;
const Q = 'from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z';

beforeAll(async () => {
  h = await startHarness('analytics_api', { worker: false });
  await insertFixture(h.dbh.db);
  token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
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
    expect(s.volume).toMatchObject({ conversations: 7, messages: 9 });
    expect(s.ai).toMatchObject({ resolvedByAi: 2, containmentRate: 0.2857, escalated: 4, clarifyingRate: 0.2857, timeouts: 1 });
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
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/analytics/summary', '/api/analytics/timeseries', '/api/analytics/export.csv']));
  });
});
