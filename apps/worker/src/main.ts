import { Worker } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import { MESSAGES_QUEUE } from '@em/contracts/jobs';
import { createLogger } from '@em/config/logger';
import { createRedis } from '@em/config/redis';
import { createDb } from '@em/db/client';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph } from '@em/agents/graph';
import { loadKnowledgeBase } from '@em/agents/kb';
import { createRouter, loadRouterModel } from '@em/agents/router';
import { createOfflineModel } from '@em/agents/model';
import { readEnv } from './env';
import { createMessageProcessor } from './process-message';
import { createSessionState } from './session-state';

const env = readEnv();
const logger = createLogger('worker', env.LOG_LEVEL);
const dbh = createDb(env.DATABASE_URL, { max: Math.min(20, env.WORKER_CONCURRENCY + 2) });
const redis = createRedis(env.REDIS_URL);
const emitterRedis = createRedis(env.REDIS_URL);
const workerConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
for (const c of [redis, emitterRedis, workerConn]) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));

const router = createRouter(loadRouterModel(env.ROUTER_MODEL_PATH));
const kb = loadKnowledgeBase(env.KB_DIR);
const catalog = await listProducts(dbh.db, 1000);
const graph = createSupportGraph({ db: dbh.db, kb, router, model: createOfflineModel(router), catalog });
const processMessage = createMessageProcessor({
  db: dbh.db,
  graph,
  emitter: new Emitter(emitterRedis, { key: `${env.REDIS_PREFIX}:socket.io` }),
  sessions: createSessionState(redis, env.REDIS_PREFIX),
  logger,
});

const worker = new Worker(
  MESSAGES_QUEUE,
  async (job) => {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new Error('deadline exceeded')), env.JOB_DEADLINE_MS);
    try {
      return await processMessage(job.data, ac.signal);
    } finally {
      clearTimeout(timer);
    }
  },
  { connection: workerConn, prefix: `${env.REDIS_PREFIX}:bull`, concurrency: env.WORKER_CONCURRENCY },
);
worker.on('failed', (job, err) => logger.error({ jobId: job?.id, err: err.message }, 'job failed'));
worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));
logger.info({ concurrency: env.WORKER_CONCURRENCY, kbPassages: kb.passages.length, products: catalog.length }, 'worker ready');

async function shutdown(signal: string) {
  logger.info({ signal }, 'worker shutting down');
  await worker.close();
  for (const c of [redis, emitterRedis, workerConn]) c.disconnect();
  await dbh.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
