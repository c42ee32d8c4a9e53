import express, { type Express } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { pingDb } from '@em/db/queries/health';
import { AppError, HTTP_STATUS, toErrorBody } from '@em/contracts/errors';
import type { GatewayDeps } from '../deps';
import { createAuthRouter } from '../console/console-auth';

/** JSON bodies on /api are small (login, filters); anything bigger is refused before parsing. */
export const MAX_JSON_BODY = '16kb';

/** Checks each dependency with a short timeout; /ready names whatever is down (DESIGN §4). */
async function readiness(deps: GatewayDeps) {
  const within = <T>(p: Promise<T>, ms = 1500) =>
    Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);
  const checks = {
    postgres: within(pingDb(deps.db)),
    redis: within(deps.redis.ping()),
    queue: within(deps.queue.getJobCounts('waiting')),
  };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, p]) => [name, await p.then(() => true, () => false)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof checks, boolean>;
}

export function createHttpApp(deps: GatewayDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
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
  // /api serves the console and dashboard, which live on the platform's own web origin(s) only.
  app.use('/api', cors({ origin: deps.platformOrigins, credentials: true }));
  app.use('/api', express.json({ limit: MAX_JSON_BODY }));
  app.use('/api/auth', createAuthRouter(deps));
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
