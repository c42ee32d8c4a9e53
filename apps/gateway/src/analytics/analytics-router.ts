import { Router } from 'express';
import type { z } from 'zod';
import type { AnalyticsSummaryResponse, RatingCommentsResponse, TimeseriesResponse } from '@em/contracts/rest';
import { analyticsSummary, DEFAULT_AI_IDLE_MIN } from '@em/db/queries/analytics';
import { recentRatingComments } from '@em/db/queries/analytics-comments';
import { conversationsForExport } from '@em/db/queries/analytics-conversations';
import { analyticsTimeseries } from '@em/db/queries/analytics-timeseries';
import type { GatewayDeps } from '../deps';
import { consoleUserOf, requireConsole } from '../console/console-auth';
import { conversationsCsv } from './analytics-conversations-csv';
import { analyticsCsv } from './analytics-csv';
import { parseCommentsQuery, parseExportQuery, parseSummaryQuery, parseTimeseriesQuery } from './analytics-params';
import { agentFilter, scopeHumans, scopeOf } from './analytics-scope';
import './analytics-openapi';

/** Message-queue states that count as "queue depth" on the live panel (jobs not yet answered). */
const DEPTH_STATES = ['waiting', 'active', 'delayed', 'prioritized'] as const;
/** Live counters must not hold the summary hostage to a slow Redis (ms); they read 0 then. */
const LIVE_TIMEOUT_MS = 500;

export interface AnalyticsDeps extends Pick<GatewayDeps, 'db' | 'consoleTokens' | 'queue'>, Partial<Pick<GatewayDeps, 'platformOrigins' | 'aiIdleMin'>> {
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

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * GET /api/analytics/{summary,timeseries,export.csv,conversations.csv,comments} (DESIGN §4), console
 * users only; an agent sees their own row of the human-agents table, their own comments and
 * conversations (analytics-scope.ts), an admin everyone's.
 */
export function createAnalyticsRouter(deps: AnalyticsDeps): Router {
  const router = Router();
  const now = () => deps.now?.() ?? new Date();
  const aiIdleMin = deps.aiIdleMin ?? DEFAULT_AI_IDLE_MIN;
  router.use(requireConsole(deps, 'agent'));

  router.get('/summary', async (req, res) => {
    const t = now();
    const range = parseSummaryQuery(req.query, t);
    const scope = scopeOf(consoleUserOf(res));
    const [summary, counts, agentsOnline] = await Promise.all([
      analyticsSummary(deps.db, range, t, aiIdleMin),
      within(deps.queue.getJobCounts(...DEPTH_STATES), null),
      within(deps.agentsOnline?.() ?? Promise.resolve(0), 0),
    ]);
    const queueDepth = counts ? DEPTH_STATES.reduce((a, s) => a + (counts[s] ?? 0), 0) : 0;
    res.setHeader('cache-control', 'private, no-store');
    const body: AnalyticsSummaryResponse = {
      ...summary,
      humans: scopeHumans(summary.humans, scope),
      generatedAt: t.toISOString(),
      live: { ...summary.live, queueDepth, agentsOnline },
    };
    res.json(body);
  });

  router.get('/timeseries', async (req, res) => {
    const t = now();
    const { range, metric, bucket } = parseTimeseriesQuery(req.query, t);
    const points = await analyticsTimeseries(deps.db, metric, range, bucket, { now: t, aiIdleMin });
    res.setHeader('cache-control', 'private, no-store');
    const body: z.input<typeof TimeseriesResponse> = { metric, bucket, from: range.from.toISOString(), to: range.to.toISOString(), points };
    res.json(body);
  });

  router.get('/export.csv', async (req, res) => {
    const t = now();
    const { range, bucket } = parseExportQuery(req.query, t);
    const csv = await analyticsCsv(deps.db, range, bucket, { now: t, aiIdleMin });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="electromart-analytics-${day(range.from)}-to-${day(range.to)}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(csv);
  });

  router.get('/conversations.csv', async (req, res) => {
    const range = parseSummaryQuery(req.query, now());
    const rows = await conversationsForExport(deps.db, range, { agentId: agentFilter(scopeOf(consoleUserOf(res))) });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="electromart-conversations-${day(range.from)}-to-${day(range.to)}.csv"`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(conversationsCsv(rows));
  });

  router.get('/comments', async (req, res) => {
    const { range, limit } = parseCommentsQuery(req.query, now());
    const scope = scopeOf(consoleUserOf(res));
    const comments = await recentRatingComments(deps.db, range, { limit, agentId: agentFilter(scope) });
    res.setHeader('cache-control', 'private, no-store');
    const body: RatingCommentsResponse = { from: range.from.toISOString(), to: range.to.toISOString(), scope: scope.kind, comments };
    res.json(body);
  });
  return router;
}
