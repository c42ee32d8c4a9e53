import express, { type Express } from 'express';
import { HTTP_STATUS, toErrorBody } from '@em/contracts/errors';
import { createAnalyticsRouter, type AnalyticsDeps } from './analytics-router';

/**
 * Just the analytics routes on a bare Express app, with the gateway's error mapping: what
 * `pnpm bench:analytics` times (the full gateway would also need Socket.IO, metrics and limits).
 */
export function createAnalyticsApp(deps: AnalyticsDeps): Express {
  const app = express();
  app.use('/api/analytics', createAnalyticsRouter(deps));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const body = toErrorBody(err);
    res.status(HTTP_STATUS[body.code]).json({ error: body });
  });
  return app;
}
