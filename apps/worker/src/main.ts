import { createLogger } from '@em/config/logger';
import { createRedis, redisKeys } from '@em/config/redis';
import { createDb } from '@em/db/client';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph, installContextStorageForTracing } from '@em/agents/graph';
import { readWarmUpTexts, warmJit, warmUp } from '@em/agents/graph/warm-up';
import { loadAiResources, warmUpTextsFile } from '@em/agents/resources';
import { createModelFromEnv } from '@em/agents/model';
import { readEnv } from './env';
import { createWorker } from './worker';
import { setUpWorkerMail } from './mail-setup';

const env = readEnv();
const logger = createLogger('worker', env.LOG_LEVEL);
// A job holds a connection only for a statement (or a short transaction), so a few serve all its slots.
const dbh = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
// Commands and publishes of one event-loop tick go out as one write (issue 18); not on BullMQ's connections.
const redis = createRedis(env.REDIS_URL, { enableAutoPipelining: true });
const emitterRedis = createRedis(env.REDIS_URL, { enableAutoPipelining: true });
const workerConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
const queueConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
const connections = [redis, emitterRedis, workerConn, queueConn];
for (const c of connections) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
if (env.WORKER_TEST_DELAY_MS) logger.warn({ ms: env.WORKER_TEST_DELAY_MS }, 'WORKER_TEST_DELAY_MS test hook is on');
if (env.WORKER_TEST_HOLD_AFTER_COMMIT_MS) logger.warn({ ms: env.WORKER_TEST_HOLD_AFTER_COMMIT_MS }, 'WORKER_TEST_HOLD_AFTER_COMMIT_MS test hook is on');

const ai = loadAiResources({ kbDir: env.KB_DIR, routerModelPath: env.ROUTER_MODEL_PATH });
const { router } = ai;
const catalog = await listProducts(dbh.db, 1000);
const model = createModelFromEnv(router, env, (op, err) =>
  logger.warn({ op, err: err instanceof Error ? err.message : String(err) }, 'LLM call failed; offline model answered'),
);
// LangSmith traces nest a model call under its graph run through LangChain's context storage (off otherwise).
installContextStorageForTracing(env);
const graph = createSupportGraph({ db: dbh.db, ...ai, model, catalog });
// With a network model configured this would call it; warm the offline path only.
if (model.name === 'offline') await warmUp(graph).catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'AI warm-up failed'));

const keys = redisKeys(env.REDIS_PREFIX);
const mailConns = [createRedis(env.REDIS_URL, { maxRetriesPerRequest: null }), createRedis(env.REDIS_URL, { maxRetriesPerRequest: null })] as const;
for (const c of mailConns) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
const mail = setUpWorkerMail(env, { db: dbh.db, logger, keysBull: keys.bull, producerConnection: mailConns[0], workerConnection: mailConns[1] });
const support = createWorker({
  db: dbh.db,
  graph,
  logger,
  keys,
  redis,
  emitterRedis,
  workerConnection: workerConn,
  queueConnection: queueConn,
  followUp: mail.producer.followUp,
  options: {
    concurrency: env.WORKER_CONCURRENCY,
    deadlineMs: env.JOB_DEADLINE_MS,
    maxRetries: env.JOB_MAX_RETRIES,
    jobLockMs: env.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS,
    recovery: { minAgeS: env.RECOVERY_MIN_AGE_S, intervalMs: env.RECOVERY_INTERVAL_MS },
    testDelayMs: env.WORKER_TEST_DELAY_MS,
    testHoldAfterCommitMs: env.WORKER_TEST_HOLD_AFTER_COMMIT_MS,
    siteLocales: env.SITES_JSON,
    siteHours: env.siteHours,
  },
});
logger.info({ concurrency: env.WORKER_CONCURRENCY, kbPassages: ai.kb.passages.length, lexicon: !!ai.lexicon, products: catalog.length }, 'worker ready');

// The JIT warms in the background while jobs already run (warm-up.ts); shutdown stops it.
const warming = new AbortController();
if (model.name === 'offline' && env.WORKER_WARMUP_TURNS > 0) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  warmJit(graph, readWarmUpTexts(warmUpTextsFile(env.ROUTER_MODEL_PATH)), { turns: env.WORKER_WARMUP_TURNS, signal: warming.signal })
    .then((turns) => {
      const cpu = process.cpuUsage(cpu0);
      logger.info({ turns, processCpuMs: Math.round((cpu.user + cpu.system) / 1000), ms: Math.round(performance.now() - t0) }, 'JIT warm-up done');
    })
    .catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'JIT warm-up stopped'));
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  warming.abort();
  logger.info({ signal, active: support.handler.active }, 'worker shutting down');
  // Stop taking jobs and let running ones finish; after the grace period hand them back to the queue.
  await support.close(env.SHUTDOWN_GRACE_MS);
  await mail.close();
  for (const c of mailConns) c.disconnect();
  for (const c of connections) c.disconnect();
  await dbh.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
