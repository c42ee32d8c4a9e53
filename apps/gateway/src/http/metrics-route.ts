import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '@em/contracts/errors';
import type { GatewayDeps } from '../deps';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
/** A scrape must not hang on a down Redis (ms); the depth gauge then keeps its last value. */
const DEPTH_TIMEOUT_MS = 1000;

function tokenMatches(header: string | undefined, expected: string) {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** GET /metrics: Prometheus text; Bearer METRICS_TOKEN when configured. */
export function createMetricsRouter(deps: Pick<GatewayDeps, 'metrics' | 'queue' | 'metricsToken'>) {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (deps.metricsToken && !tokenMatches(req.headers.authorization, deps.metricsToken)) {
      throw new AppError('unauthorized', 'A metrics token is required.');
    }
    let timer: NodeJS.Timeout | undefined;
    const counts = await Promise.race([
      deps.queue.getJobCounts(...QUEUE_STATES),
      new Promise<null>((r) => (timer = setTimeout(() => r(null), DEPTH_TIMEOUT_MS))),
    ]).catch(() => null);
    clearTimeout(timer);
    if (counts) for (const state of QUEUE_STATES) deps.metrics.queueDepth.set({ state }, counts[state] ?? 0);
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
