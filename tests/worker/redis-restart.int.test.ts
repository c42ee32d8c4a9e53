// Multi-process worker suite (issue 5): restart a PRIVATE Redis (no persistence, so the queue is
// lost) during a stream of messages; every acked message still gets exactly one reply, via the
// workers' recovery sweeper. Heavy: run under `flock /tmp/em-heavy.lock`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ChatClient, type Harness } from '../harness';
import { allAnswered, checkTranscript, ensureWorkerBuilt, removeWorkerSnapshots, sleep, spawnWorker, startPrivateRedis, transcripts, waitFor, type WorkerProcess } from './support';

let h: Harness;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  ensureWorkerBuilt();
  redis = await startPrivateRedis();
  h = await startHarness('wkredis', { worker: false, redisUrl: redis.url });
  const env = {
    DATABASE_URL: h.dbUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: h.prefix,
    WORKER_CONCURRENCY: '4',
    RECOVERY_INTERVAL_MS: '1000',
    RECOVERY_MIN_AGE_S: '2',
    // Slower than the stream, so a backlog of accepted jobs is in Redis when it dies.
    WORKER_TEST_DELAY_MS: '200',
  };
  workers.push(await spawnWorker(env), await spawnWorker(env));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  removeWorkerSnapshots();
  await h?.stop().catch(() => {});
  await redis?.dispose();
});

/** Sends a message every `everyMs` until `stop()`; collects the ids the gateway acked as accepted. */
function stream(socket: ChatClient, everyMs: number) {
  const acked: string[] = [];
  let running = true;
  const done = (async () => {
    for (let i = 0; running; i++) {
      const ack = await socket
        .timeout(8000)
        .emitWithAck('message:send', { clientMessageId: randomUUID(), text: i % 2 ? 'How much is the Nimbus X5?' : 'What is your return policy?' })
        .catch(() => null);
      if (ack?.ok && !ack.data.duplicate) acked.push(ack.data.messageId);
      await sleep(everyMs);
    }
  })();
  return { acked, stop: async () => ((running = false), await done) };
}

describe('Redis restart', () => {
  it('answers every acked message exactly once after Redis comes back empty', async () => {
    const clients = await Promise.all(Array.from({ length: 3 }, () => h.connect()));
    const streams = clients.map((c) => stream(c.socket, 100));
    await sleep(1500);
    await redis.stop(); // SIGKILL, no persistence: queue, locks and sessions are gone
    await sleep(1000);
    await redis.start();
    await sleep(1000);
    await Promise.all(streams.map((s) => s.stop()));
    const acked = streams.flatMap((s) => s.acked);
    expect(acked.length).toBeGreaterThan(10);

    await waitFor('every acked message answered', () => allAnswered(h.dbh, acked), 40_000, 250).catch(async (err: Error) => {
      const open = await h.dbh.sql`
        select m.id, m.seq, m.conversation_id, c.status, m.created_at from messages m join conversations c on c.id = m.conversation_id
        where m.id = any(${acked}::uuid[]) and not exists (select 1 from messages r where r.reply_to = m.id) order by m.created_at`;
      const states = await Promise.all(open.slice(0, 5).map(async (m) => (await h.deps.queue.getJob(String(m.id)))?.getState()));
      throw new Error(`${err.message}: unanswered ${JSON.stringify(open.slice(0, 5))} jobs ${JSON.stringify(states)}; workers: ${workers.map((w) => w.output().slice(-1500)).join('\n---\n')}`);
    });
    const convs = clients.map((c) => c.ready.conversationId);
    // Messages stored but not acked (Redis died between insert and enqueue) are answered too.
    await waitFor('every stored message answered', async () => {
      const rows = [...(await transcripts(h.dbh, convs)).values()].flat();
      return allAnswered(h.dbh, rows.filter((r) => r.role === 'customer').map((r) => r.id));
    }, 40_000, 250);
    await sleep(1500); // a sweep or two more: nothing may be answered twice
    for (const [id, rows] of await transcripts(h.dbh, convs)) expect(checkTranscript(rows), id).toEqual([]);
    // The lost jobs came back through the sweeper (jobId = message id), not by luck.
    expect(workers.map((w) => w.output()).join('')).toMatch(/recovery sweeper re-enqueued/);
  }, 90_000);
});
