import { Router } from 'express';
import type { z } from 'zod';
import type { AnalyticsSummaryResponse, TimeseriesResponse } from '@em/contracts/rest';
import { analyticsSummary } from '@em/db/queries/analytics';
import { analyticsTimeseries } from '@em/db/queries/analytics-timeseries';
import type { GatewayDeps } from '../deps';
import { requireConsole } from '../console/console-auth';
import { analyticsCsv } from './analytics-csv';
import { parseExportQuery, parseSummaryQuery, parseTimeseriesQuery } from './analytics-params';
import './analytics-openapi';

/** Message-queue states that count as "queue depth" on the live panel (jobs not yet answered). */
const DEPTH_STATES = ['waiting', 'active', 'delayed', 'prioritized'] as const;
/** Live counters must not hold the summary hostage to a slow Redis (ms); they read 0 then. */
const LIVE_TIMEOUT_MS = 500;

export interface AnalyticsDeps extends Pick<GatewayDeps, 'db' | 'consoleTokens' | 'queue'>, Partial<Pick<GatewayDeps, 'platformOrigins'>> {
  /** Console agents online now (presence in Redis, written by the /agents namespace); absent → 0. */
  agentsOnline?: () => Promise<number>;
  now?: () => Date;
}

async function within<T>(p: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const out = await Promise.race([p, new Promise<T>((r) => (timer = setTimeout(() => r(fallback), LIVE_TIMEOUT_MS)))]).catch(() => fallback);
  clearTimeout(timer);
  return out;
}

/** GET /api/analytics/{summary,timeseries,export.csv} (DESIGN §4), console users only. */
export function createAnalyticsRouter(deps: AnalyticsDeps): Router {
  const router = Router();
  const now = () => deps.now?.() ?? new Date();
  router.use(requireConsole(deps, 'agent'));

  router.get('/summary', async (req, res) => {
    const t = now();
    const range = parseSummaryQuery(req.query, t);
    const [summary, counts, agentsOnline] = await Promise.all([
      analyticsSummary(deps.db, range, t),
      within(deps.queue.getJobCounts(...DEPTH_STATES), null),
      within(deps.agentsOnline?.() ?? Promise.resolve(0), 0),
    ]);
    const queueDepth = counts ? DEPTH_STATES.reduce((a, s) => a + (counts[s] ?? 0), 0) : 0;
    res.setHeader('cache-control', 'private, no-store');
    const body: AnalyticsSummaryResponse = { ...summary, generatedAt: t.toISOString(), live: { ...summary.live, queueDepth, agentsOnline } };
    res.json(body);
  });

  router.get('/timeseries', async (req, res) => {
    const { range, metric, bucket } = parseTimeseriesQuery(req.query, now());
    const points = await analyticsTimeseries(deps.db, metric, range, bucket);
    res.setHeader('cache-control', 'private, no-store');
    const body: z.input<typeof TimeseriesResponse> = { metric, bucket, from: range.from.toISOString(), to: range.to.toISOString(), points };
    res.json(body);
  });

  router.get('/export.csv', async (req, res) => {
    const { range, bucket } = parseExportQuery(req.query, now());
    const csv = await analyticsCsv(deps.db, range, bucket);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="electromart-analytics-${day(range.from)}-to-${day(range.to)}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(csv);
  });
  return router;
}
