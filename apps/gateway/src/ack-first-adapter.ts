import { RedisAdapter, type RedisAdapterOptions } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';

type OnMessage = (pattern: unknown, channel: string | Buffer, msg: Buffer) => void;
// The adapter's types declare onmessage private; at run time it is a plain method that the
// constructor binds as the pattern subscription's listener, so a subclass's method is the one called.
const RedisAdapterBase = RedisAdapter as unknown as new (nsp: unknown, pub: Redis, sub: Redis, opts?: Partial<RedisAdapterOptions>) => {
  onmessage(...args: Parameters<OnMessage>): void;
};

/**
 * The Redis adapter, delivering what other processes broadcast (a worker's reply, another node's
 * event) after the I/O this process has already read, not before it.
 *
 * Why: the gateway acks `message:send` once BullMQ confirms the job, and a fast worker's reply can
 * be read in the same event-loop turn as that confirmation. Delivered at once, the reply could reach
 * the sender before the ack of the message it answers (seen under load: 3 in 9,000 at 150/s; a client
 * that listens for the reply after the ack would miss it). Redis writes the job's confirmation before
 * any worker can take the job, so it is always read in the same turn as the reply or earlier; a
 * broadcast from Redis deferred to that turn's check phase (setImmediate: in arrival order) runs after
 * the confirmation's continuation has written the ack and the echo. Requests between nodes
 * (fetchSockets and the like) are not deferred.
 */
class AckFirstRedisAdapter extends RedisAdapterBase {
  override onmessage(...args: Parameters<OnMessage>) {
    setImmediate(() => super.onmessage(...args));
  }
}

/** For Server's `adapter` option, which Socket.IO calls with `new` (hence a function, not an arrow). */
export function createAckFirstAdapter(pub: Redis, sub: Redis, opts: Partial<RedisAdapterOptions>) {
  return function ackFirstAdapter(nsp: unknown): RedisAdapter {
    return new AckFirstRedisAdapter(nsp, pub, sub, opts) as unknown as RedisAdapter;
  };
}
