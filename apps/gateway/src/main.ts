import { createServer } from 'node:http';
import { Queue } from 'bullmq';
import { MESSAGES_QUEUE, type MessageJob } from '@em/contracts/jobs';
import { createLogger } from '@em/config/logger';
import { createRedis, redisKeys } from '@em/config/redis';
import { createPresence } from '@em/conversations/presence';
import { createSiteSettings } from '@em/conversations/site-settings';
import { createDb } from '@em/db/client';
import { createMailProducer } from '@em/mail/producer';
import { readEnv } from './env';
import { createHttpApp } from './http/app';
import { createGateway } from './gateway';
import { createSessionTokens } from './session-token';
import { createConsoleTokens } from './console/console-tokens';
import type { GatewayDeps } from './deps';
import { createMetrics } from './metrics';
import { createLimits, DEFAULT_LIMITS } from './limits';
import { buildSites, parseOrigins } from './sites';
import { storageFromEnv } from './attachments/storage-from-env';

const env = readEnv();
const logger = createLogger('gateway', env.LOG_LEVEL);
const keys = redisKeys(env.REDIS_PREFIX);
const dbh = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
// Reports (the dashboard's analytics) read on a pool of their own: a slow report never queues ahead
// of a customer's message on a shared connection.
const reportsDbh = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
// Commands and publishes of one event-loop tick go out as one write (issue 18: the hot path's rate
// limit, queue-observer and fan-out commands). Not on the subscriber or BullMQ's connections.
const redis = createRedis(env.REDIS_URL, { enableAutoPipelining: true });
const pubClient = createRedis(env.REDIS_URL, { enableAutoPipelining: true });
const subClient = createRedis(env.REDIS_URL);
const queueConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
const connections = [redis, pubClient, subClient, queueConn];
for (const c of connections) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
const queue = new Queue<MessageJob>(MESSAGES_QUEUE, { connection: queueConn, prefix: keys.bull });
queue.on('error', (err) => logger.warn({ err: err.message }, 'queue error'));
const metrics = createMetrics({ defaultMetrics: true });

const sites = buildSites(
  { siteKey: env.SITE_KEY, identitySecret: env.SITE_IDENTITY_SECRET, allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS) },
  env.SITES_JSON,
);
// Email follow-up (issue 20): the gateway queues mail and checks links back; the worker sends it (its mail-setup.ts).
const mail = createMailProducer({
  db: dbh.db,
  connection: queueConn,
  prefix: keys.bull,
  linkSecret: env.SESSION_SECRET,
  widgetUrl: `${env.WEB_ORIGIN.replace(/\/$/, '')}/widget`,
  onError: (err) => logger.warn({ err: err.message }, 'mail queue error'),
});
const deps: GatewayDeps = {
  mail,
  db: dbh.db,
  reportsDb: reportsDbh.db,
  redis,
  pubClient,
  subClient,
  queue,
  logger,
  sites,
  siteSettings: createSiteSettings({ db: dbh.db, sites }),
  sessions: createSessionTokens(env.SESSION_SECRET),
  platformOrigins: [env.WEB_ORIGIN],
  consoleTokens: createConsoleTokens(env.CONSOLE_JWT_SECRET),
  secureCookies: env.NODE_ENV === 'production',
  refuseDemoPasswords: env.NODE_ENV === 'production',
  keys,
  presence: createPresence(redis, keys),
  metrics,
  limits: createLimits(
    { redis, keys, metrics, logger },
    {
      ...DEFAULT_LIMITS,
      connectionsPerIp: { points: env.RATE_CONNECTIONS_PER_MIN, durationS: 60 },
      httpPerIp: { points: env.RATE_HTTP_PER_MIN, durationS: 60 },
      uploads: { points: env.RATE_UPLOADS_PER_MIN, durationS: 60 },
    },
  ),
  metricsToken: env.METRICS_TOKEN,
  storage: storageFromEnv(env),
  trustProxy: env.TRUST_PROXY,
  aiIdleMin: env.ANALYTICS_AI_IDLE_MIN,
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
  await mail.close().catch(() => {});
  for (const c of connections) c.disconnect();
  await Promise.all([dbh.close(), reportsDbh.close()]);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
