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
