import { pingDb } from '@em/db/queries/health';
import type { GatewayDeps } from '../deps';

/** Per-check timeout (ms): a down Redis makes ioredis queue commands; /ready must answer anyway. */
const CHECK_TIMEOUT_MS = 1500;

const within = <T>(p: Promise<T>, ms = CHECK_TIMEOUT_MS) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
};

/** Checks each dependency; /ready names whatever is down (DESIGN §4). */
export async function readiness(deps: Pick<GatewayDeps, 'db' | 'redis' | 'queue'>) {
  const checks: Record<'postgres' | 'redis' | 'queue', () => Promise<unknown>> = {
    postgres: async () => pingDb(deps.db),
    // Not ready while ioredis is reconnecting, even if a queued PING would succeed later.
    redis: async () => {
      if (deps.redis.status !== 'ready') throw new Error(deps.redis.status);
      return deps.redis.ping();
    },
    queue: () => deps.queue.getJobCounts('waiting'),
  };
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await within(check()).then(() => true, () => false)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof checks, boolean>;
}
