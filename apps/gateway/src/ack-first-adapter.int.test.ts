// A broadcast from Redis (a worker's reply) never overtakes what the gateway writes in the same
// event-loop turn (the ack of the message it answers). Real Redis, real Socket.IO on both ends.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as ioClient, type Socket } from 'socket.io-client';
import { Emitter } from '@socket.io/redis-emitter';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createAckFirstAdapter } from './ack-first-adapter';

const prefix = uniqueName('ackfirst');
const redis: Redis[] = [];
const servers: { io: Server; http: HttpServer }[] = [];
const clients: Socket[] = [];
const connect = () => {
  const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  redis.push(r);
  return r;
};

type AdapterFactory = (pub: Redis, sub: Redis, opts: { key: string }) => unknown;

/**
 * A server whose `probe` handler sets up what a busy gateway meets when a worker answers fast: a
 * reply (published as the worker's emitter does) and the answer to the gateway's own Redis round
 * trip are both waiting when the event loop next reads its sockets, and the ack is written when that
 * round trip returns (as the gateway acks once BullMQ confirms the job). The reply comes on the
 * emitter's own connection, as a worker's does.
 */
async function start(adapter: AdapterFactory, key: string) {
  const [pub, sub, command, worker] = [connect(), connect(), connect(), connect()];
  const http = createServer();
  const io = new Server(http, { adapter: adapter(pub, sub, { key }) as never });
  const emitter = new Emitter(worker, { key });
  io.on('connection', (socket) => {
    void socket.join('room');
    socket.on('probe', (n: number, ack: (n: number) => void) => {
      emitter.to('room').emit('reply', n);
      const confirmed = command.ping();
      // A busy event loop: meanwhile the reply and the confirmation both arrive.
      const until = Date.now() + 60;
      while (Date.now() < until);
      void confirmed.then(() => ack(n));
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  servers.push({ io, http });
  await Promise.all([pub, sub, command, worker].map((c) => c.ping()));
  const client = ioClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
  clients.push(client);
  await new Promise<void>((r) => client.once('connect', () => r()));
  return client;
}

/** What the client saw, in order, for `rounds` probes. */
async function probe(client: Socket, rounds: number) {
  const seen: string[] = [];
  client.on('reply', (n: number) => seen.push(`reply ${n}`));
  for (let n = 0; n < rounds; n++) {
    // Recorded in the callbacks themselves: two frames read together are handled in one go, and a
    // promise's continuation (emitWithAck) would run after both.
    const replied = new Promise<void>((r) => client.once('reply', () => r()));
    await new Promise<void>((r) => client.emit('probe', n, (m: number) => r(void seen.push(`ack ${m}`))));
    await replied;
  }
  return seen;
}

afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(servers.map(({ io }) => io.close()));
  redis.forEach((r) => r.disconnect());
});

describe('the gateway adapter delivers a worker reply after the ack written in the same turn', () => {
  it('acks first on every round', async () => {
    const client = await start(createAckFirstAdapter, `${prefix}_first`);
    const seen = await probe(client, 10);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => [`ack ${n}`, `reply ${n}`]).flat());
  });

  it('the plain Redis adapter lets the reply overtake the ack in the same setting (what the test guards)', async () => {
    const client = await start(createAdapter, `${prefix}_plain`);
    // About a third of the rounds here (the order of two sockets read in one turn is the kernel's).
    const seen = await probe(client, 30);
    expect(seen.filter((s, i) => s.startsWith('reply') && i % 2 === 0).length).toBeGreaterThan(0);
  });
});
