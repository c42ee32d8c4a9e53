import { createServer } from 'node:http';
import { Queue } from 'bullmq';
import { MESSAGES_QUEUE, type MessageJob } from '@em/contracts/jobs';
import { createLogger } from '@em/config/logger';
import { createRedis } from '@em/config/redis';
import { createDb } from '@em/db/client';
import { readEnv } from './env';
import { createHttpApp } from './http/app';
import { createGateway } from './gateway';
import { createSessionTokens } from './session-token';
import { createDedup } from './dedup';
import { createConsoleTokens } from './console/console-tokens';
import type { GatewayDeps } from './deps';

const env = readEnv();
const logger = createLogger('gateway', env.LOG_LEVEL);
const dbh = createDb(env.DATABASE_URL, { max: 20 });
const redis = createRedis(env.REDIS_URL);
const pubClient = createRedis(env.REDIS_URL);
const subClient = pubClient.duplicate();
const queueConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
for (const c of [redis, pubClient, subClient, queueConn]) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
const queue = new Queue<MessageJob>(MESSAGES_QUEUE, { connection: queueConn, prefix: `${env.REDIS_PREFIX}:bull` });
queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));

const origins = env.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
const deps: GatewayDeps = {
  db: dbh.db,
  redis,
  pubClient,
  subClient,
  queue,
  logger,
  sites: [{ siteKey: env.SITE_KEY, identitySecret: env.SITE_IDENTITY_SECRET, allowedOrigins: origins }],
  sessions: createSessionTokens(env.SESSION_SECRET),
  dedup: createDedup(redis, env.REDIS_PREFIX),
  socketKey: `${env.REDIS_PREFIX}:socket.io`,
  platformOrigins: [env.WEB_ORIGIN],
  consoleTokens: createConsoleTokens(env.CONSOLE_JWT_SECRET),
  secureCookies: env.NODE_ENV === 'production',
};

const app = createHttpApp(deps);
const server = createServer(app);
const io = createGateway(server, deps);
server.listen(env.PORT, () => logger.info({ port: env.PORT }, `gateway listening on http://localhost:${env.PORT}`));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'gateway shutting down');
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await queue.close().catch(() => {});
  for (const c of [redis, pubClient, subClient, queueConn]) c.disconnect();
  await dbh.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
