import express, { type Express } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { AppError, HTTP_STATUS, toErrorBody } from '@em/contracts/errors';
import type { GatewayDeps } from '../deps';
import { createAuthRouter } from '../console/console-auth';
import { createConsoleRouter } from '../console/console-routes';
import { createAnalyticsRouter } from '../analytics/analytics-router';
import { createAdminQueuesRouter } from './admin-queues';
import { createMetricsRouter } from './metrics-route';
import { openApiDocument } from './openapi';
import './openapi-core';
import { guardLogin, rateLimitByIp } from './rate-limit';
import { readiness } from './readiness';
import { expressTrustProxy } from './trust-proxy';
import { createAttachmentsRouter, createConsoleAttachmentsRouter } from '../attachments/attachments-routes';
import { createDiskStorage } from '../attachments/disk-storage';
import { consoleUserOf, requireConsole } from '../console/console-auth';

/** JSON bodies on /api are small (login, filters); anything bigger is refused before parsing. */
export const MAX_JSON_BODY = '16kb';
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function createHttpApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Only the proxies named in TRUST_PROXY may say who the client is (X-Forwarded-For); default none.
  app.set('trust proxy', expressTrustProxy(deps.trustProxy));
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger,
      // Every log line of a request carries its id (req.log); a caller's well-formed id is kept.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' || req.url === '/metrics' },
    }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const status = await readiness(deps);
    const down = Object.entries(status).filter(([, up]) => !up).map(([n]) => n);
    res.status(down.length ? 503 : 200).json({ ready: !down.length, down, checks: status });
  });
  app.use(createMetricsRouter(deps));
  app.use(createAdminQueuesRouter(deps));
  // Attachments (issue 20): the widget's uploads and everyone's downloads; the console's uploads under /api.
  const files = { ...deps, storage: deps.storage ?? createDiskStorage('.data/uploads') };
  app.use('/chat/attachments', createAttachmentsRouter(files));
  // /api serves the console and dashboard, which live on the platform's own web origin(s) only.
  app.use('/api', cors({ origin: deps.platformOrigins, credentials: true }));
  app.use('/api', rateLimitByIp(deps));
  app.use('/api', express.json({ limit: MAX_JSON_BODY }));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  app.use('/api/auth/login', guardLogin(deps));
  app.use('/api/auth', createAuthRouter(deps));
  app.use('/api/analytics', createAnalyticsRouter({ ...deps, db: deps.reportsDb ?? deps.db, agentsOnline: () => deps.presence.onlineCount() }));
  app.use('/api', createConsoleAttachmentsRouter(files, requireConsole(deps), consoleUserOf));
  app.use('/api', createConsoleRouter(deps));
  // Mount further routers above this line: the error handler must come last.
  useErrorHandler(app);
  return app;
}

/** Maps AppError (and body-parser errors) to DESIGN's codes and HTTP statuses; internals stay in the log. */
function useErrorHandler(app: Express) {
  app.use((req: express.Request, res: express.Response) => {
    res.status(404).json({ error: { code: 'not_found', message: `No route for ${req.method} ${req.path}` } });
  });
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const parserType = (err as { type?: string }).type;
    const mapped =
      parserType === 'entity.too.large'
        ? new AppError('message_too_long', 'Request body too large.')
        : parserType === 'entity.parse.failed'
          ? new AppError('invalid_payload', 'Malformed JSON body.')
          : err;
    const body = toErrorBody(mapped);
    if (body.code === 'internal') req.log.error({ err }, 'request failed');
    res.status(HTTP_STATUS[body.code]).json({ error: body });
  });
}
