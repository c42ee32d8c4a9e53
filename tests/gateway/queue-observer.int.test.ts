// Issue 18: the gateway reads BullMQ's event stream in batches for its queue metrics (it was a
// QueueEvents whose blocking read returned per event). Real Redis, a real queue and worker; two
// observers stand for two gateway nodes sharing the cluster-wide "counted" markers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createRedis, redisKeys } from '@em/config/redis';
import { createLogger } from '@em/config/logger';
import { createMetrics } from '../../apps/gateway/src/metrics';
import { observeQueue } from '../../apps/gateway/src/queue-observer';
import { waitFor } from '../support/wait';

const prefix = uniqueName('qobs');
const keys = redisKeys(prefix);
const redis = createRedis(TEST_REDIS_URL);
const conn = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const wconn = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue('messages', { connection: conn, prefix: keys.bull });
const logger = createLogger('test', 'silent');
let worker: Worker;
const stops: Array<() => void> = [];

/** What each job returns or throws, by name. */
const outcomes: Record<string, () => unknown> = {
  reply: () => ({ replyId: 'r', latencyMs: 1500 }),
  duplicate: () => ({ replyId: 'r', duplicate: true, latencyMs: 500 }),
  skipped: () => ({ skipped: 'human_owner', latencyMs: 250 }),
  garbage: () => 'not a job result',
  fail: () => {
    throw new UnrecoverableError('final');
  },
};

beforeAll(async () => {
  worker = new Worker('messages', async (job) => outcomes[job.name]!(), { connection: wconn, prefix: keys.bull, concurrency: 8 });
  await worker.waitUntilReady();
});
afterAll(async () => {
  for (const stop of stops) stop();
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => {});
  await queue.close();
  const leftover = await redis.keys(keys.pattern);
  if (leftover.length) await redis.del(...leftover);
  for (const c of [redis, conn, wconn]) c.disconnect();
});

const node = (opts?: { batch?: number }) => {
  const metrics = createMetrics();
  stops.push(observeQueue({ queue, redis, keys, metrics, logger }, { intervalMs: 20, ...opts }));
  return metrics;
};
const value = async (m: ReturnType<typeof createMetrics>, name: 'processingCount' | 'processingSum' | 'out' | 'failed') => {
  if (name === 'failed') return (await m.jobsFailed.get()).values[0]?.value ?? 0;
  if (name === 'out') return (await m.messagesOut.get()).values.find((v) => v.labels.source === 'worker')?.value ?? 0;
  const h = (await m.processingSeconds.get()).values;
  return h.find((v) => v.metricName === (name === 'processingCount' ? 'em_message_processing_seconds_count' : 'em_message_processing_seconds_sum'))?.value ?? 0;
};
const total = async (nodes: ReturnType<typeof createMetrics>[], name: Parameters<typeof value>[1]) => (await Promise.all(nodes.map((m) => value(m, name)))).reduce((a, b) => a + b, 0);

describe('queue metrics from the event stream', () => {
  it('every finished job is counted once across gateway nodes: latency, new replies, failures; a value that is no job result counts nothing', async () => {
    const nodes = [node(), node({ batch: 3 })];
    await new Promise((r) => setTimeout(r, 100)); // both have read where the stream ends
    const jobs = ['reply', 'reply', 'duplicate', 'skipped', 'garbage', 'fail', 'reply'];
    await queue.addBulk(jobs.map((name) => ({ name, data: {}, opts: { attempts: 1 } })));
    await waitFor('all seven counted', async () => (await total(nodes, 'processingCount')) === 5 && (await total(nodes, 'failed')) === 1, 10_000, 25);
    // Settled: nothing is counted twice afterwards.
    await new Promise((r) => setTimeout(r, 200));
    expect(await total(nodes, 'processingCount')).toBe(5);
    expect(await total(nodes, 'processingSum')).toBeCloseTo(1.5 * 3 + 0.5 + 0.25, 6);
    expect(await total(nodes, 'out')).toBe(3);
    expect(await total(nodes, 'failed')).toBe(1);
  });

  it('a node started later counts only what finishes after it, and reads past a full batch at once', async () => {
    for (const stop of stops.splice(0)) stop();
    // Finished while no gateway was watching: not counted by one that starts afterwards.
    const unseen = await queue.addBulk(Array.from({ length: 5 }, () => ({ name: 'reply', data: {} })));
    await waitFor('unseen jobs finished', async () => (await Promise.all(unseen.map((j) => j.isCompleted()))).every(Boolean), 10_000, 25);
    const late = node({ batch: 4 });
    await new Promise((r) => setTimeout(r, 100));
    await queue.addBulk(Array.from({ length: 23 }, () => ({ name: 'reply', data: {} })));
    await waitFor('23 counted by the late node', async () => (await value(late, 'out')) >= 23, 10_000, 25);
    await new Promise((r) => setTimeout(r, 200));
    expect(await value(late, 'out')).toBe(23);
    expect(await value(late, 'processingCount')).toBe(23);
  });
});
