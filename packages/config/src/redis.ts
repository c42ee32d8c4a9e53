import { Redis, type RedisOptions } from 'ioredis';

/**
 * One ioredis connection. BullMQ workers need maxRetriesPerRequest=null (blocking commands);
 * everything else keeps ioredis' default so a Redis outage fails fast instead of hanging callers.
 */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  return new Redis(url, {
    // Reconnect forever with a capped backoff (ms): Redis restarts must heal by themselves.
    retryStrategy: (times) => Math.min(times * 200, 2000),
    ...opts,
  });
}

export async function pingRedis(url: string, timeoutMs = 1000): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * The one layout of this deployment's Redis keys, under REDIS_PREFIX (so two deployments, or two
 * test suites, can share a Redis). Gateway, worker, tests and benches all name keys through it.
 */
export function redisKeys(prefix: string) {
  return {
    prefix,
    /** Everything of this deployment (test cleanup). */
    pattern: `${prefix}*`,
    /** BullMQ's own prefix for the message queue. */
    bull: `${prefix}:bull`,
    /** Socket.IO Redis adapter/emitter channel: gateway nodes and the worker's emitter must agree. */
    socketIo: `${prefix}:socket.io`,
    rateLimit: (limiter: string) => `${prefix}:rl:${limiter}`,
    conversationWaiters: (conversationId: string) => `${prefix}:convwait:${conversationId}`,
    presence: `${prefix}:agents:presence`,
    presenceInfo: `${prefix}:agents:presence:info`,
    /** A job's completion/failure counted once across gateway nodes. */
    jobCounted: (kind: string, jobId: string) => `${prefix}:metrics:${kind}:${jobId}`,
    recoverySweep: `${prefix}:recovery-sweep`,
  };
}
export type RedisKeys = ReturnType<typeof redisKeys>;
