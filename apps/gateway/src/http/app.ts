import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { pingDb } from '@em/db/queries/health';
import type { GatewayDeps } from '../deps';

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
  return app;
}
