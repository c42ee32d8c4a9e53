import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import { MESSAGES_QUEUE, MessageJob } from '@em/contracts/jobs';
import { createLogger } from '@em/config/logger';
import { createRedis } from '@em/config/redis';
import { createDb } from '@em/db/client';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph, warmUp } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import { createModelFromEnv } from '@em/agents/model';
import { createConversationWaiters } from './conversation-waiters';
import { createConversationLocks } from './conversation-lock';
import { readEnv } from './env';
import { createJobHandler } from './job-handler';
import { createMessageProcessor } from './process-message';
import { createPresence } from '@em/db/queries/presence';
import { createRecoverySweeper } from './recovery-sweeper';
import { createFailureReporter } from './report-failure';
import { createSessionState } from './session-state';

const env = readEnv();
const logger = createLogger('worker', env.LOG_LEVEL);
const dbh = createDb(env.DATABASE_URL, { max: Math.min(20, env.WORKER_CONCURRENCY + 2) });
const redis = createRedis(env.REDIS_URL);
const emitterRedis = createRedis(env.REDIS_URL);
const workerConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
const queueConn = createRedis(env.REDIS_URL, { maxRetriesPerRequest: null });
const connections = [redis, emitterRedis, workerConn, queueConn];
for (const c of connections) c.on('error', (err) => logger.warn({ err: err.message }, 'redis error'));
if (env.WORKER_TEST_DELAY_MS) logger.warn({ ms: env.WORKER_TEST_DELAY_MS }, 'WORKER_TEST_DELAY_MS test hook is on');

const ai = loadAiResources({ kbDir: env.KB_DIR, routerModelPath: env.ROUTER_MODEL_PATH });
const { router } = ai;
const catalog = await listProducts(dbh.db, 1000);
const model = createModelFromEnv(router, env, (op, err) =>
  logger.warn({ op, err: err instanceof Error ? err.message : String(err) }, 'LLM call failed; offline model answered'),
);
const graph = createSupportGraph({ db: dbh.db, ...ai, model, catalog });
// With a network model configured this would call it; warm the offline path only.
if (model.name === 'offline') await warmUp(graph).catch((err: unknown) => logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'AI warm-up failed'));

const prefix = env.REDIS_PREFIX;
const emitter = new Emitter(emitterRedis, { key: `${prefix}:socket.io` });
// Producer-side handle on the same queue: wake-ups of waiting jobs and the recovery sweeper.
const queue = new Queue<MessageJob>(MESSAGES_QUEUE, { connection: queueConn, prefix: `${prefix}:bull` });
const reportFailure = createFailureReporter({ db: dbh.db, emitter, logger, presence: createPresence(redis, prefix) });
const handler = createJobHandler({
  db: dbh.db,
  locks: createConversationLocks(redis, prefix, env.CONVERSATION_LOCK_MS),
  waiters: createConversationWaiters(redis, prefix, queue),
  processMessage: createMessageProcessor({ db: dbh.db, graph, emitter, sessions: createSessionState(redis, prefix), logger, presence: createPresence(redis, prefix) }),
  reportFailure,
  logger,
  deadlineMs: env.JOB_DEADLINE_MS,
  maxRetries: env.JOB_MAX_RETRIES,
  lockTtlMs: env.CONVERSATION_LOCK_MS,
  testDelayMs: env.WORKER_TEST_DELAY_MS,
});

const worker = new Worker(MESSAGES_QUEUE, (job, token) => handler.handle(job, token), {
  connection: workerConn,
  prefix: `${prefix}:bull`,
  concurrency: env.WORKER_CONCURRENCY,
  lockDuration: env.WORKER_LOCK_DURATION_MS,
  stalledInterval: env.WORKER_STALLED_INTERVAL_MS,
  // A job whose worker died twice is failed by BullMQ; the 'failed' handler below still apologises.
  maxStalledCount: 2,
  // Keep finished jobs for the console (bull-board) for a while (age in s); replies are in Postgres.
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
});
worker.on('failed', (job, err) => {
  logger.error({ jobId: job?.id, err: err.message }, 'job failed');
  // Our own final failures already apologised; a job failed by BullMQ itself (stalled too often)
  // or whose apology could not be written gets it now (idempotent: the apology is the one reply).
  const data = MessageJob.safeParse(job?.data);
  if (!(err instanceof UnrecoverableError) && data.success) {
    reportFailure(data.data, err, false).catch((e: Error) => logger.warn({ err: e.message }, 'apology failed; the sweeper retries'));
  }
});
worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));

const sweeper = createRecoverySweeper({
  db: dbh.db,
  queue,
  redis,
  prefix,
  logger,
  minAgeS: env.RECOVERY_MIN_AGE_S,
  intervalMs: env.RECOVERY_INTERVAL_MS,
});
sweeper.start();
logger.info({ concurrency: env.WORKER_CONCURRENCY, kbPassages: ai.kb.passages.length, lexicon: !!ai.lexicon, products: catalog.length }, 'worker ready');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, active: handler.active }, 'worker shutting down');
  // Stop taking jobs and let running ones finish; after the grace period hand them back to the queue.
  const grace = setTimeout(() => handler.releaseAll(), env.SHUTDOWN_GRACE_MS);
  await Promise.all([worker.close(), sweeper.stop()]);
  await queue.close();
  clearTimeout(grace);
  for (const c of connections) c.disconnect();
  await dbh.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
