// Multi-process worker suite (issue 5): SIGKILL a worker mid-job; stalled-job recovery answers once.
// Heavy: run under `flock /tmp/em-heavy.lock`.
import { TEST_REDIS_URL } from '@em/config/test-env';
import type { Message } from '@em/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { allAnswered, checkTranscript, ensureWorkerBuilt, removeWorkerSnapshots, sendAll, sleep, spawnWorker, transcripts, waitFor, type WorkerProcess } from './support';

let h: Harness;
const workers: WorkerProcess[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  ensureWorkerBuilt();
  h = await startHarness('wkcrash', { worker: false });
  env = {
    DATABASE_URL: h.dbUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: h.prefix,
    WORKER_CONCURRENCY: '4',
    // Hold each job 1.5 s so it is surely in flight when killed; recover a dead worker's job within ~2-3 s.
    WORKER_TEST_DELAY_MS: '1500',
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
  };
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  removeWorkerSnapshots();
  await h?.stop();
});

describe('worker crash', () => {
  it('re-runs the job of a SIGKILLed worker and the customer gets exactly one reply, in order', async () => {
    const first = await spawnWorker(env);
    workers.push(first);
    const { socket, ready } = await h.connect();
    const [firstId] = await sendAll(socket, ['What is your return policy?']);
    // In flight = active in BullMQ (inside the 1.5 s test hold).
    await waitFor('first job in flight', async () => (await h.deps.queue.getJob(firstId!))?.getState().then((s) => s === 'active'), 30_000, 50);
    await first.kill('SIGKILL');
    expect(await allAnswered(h.dbh, [firstId!])).toBe(false); // it really died mid-job
    // A second message queues behind the dead one: it must wait for it, not overtake it.
    const ids = [firstId!, ...(await sendAll(socket, ['How much is the Nimbus X5?']))];

    workers.push(await spawnWorker(env));
    await waitFor('both replies', () => allAnswered(h.dbh, ids), 40_000, 200);
    await sleep(500);
    const rows = (await transcripts(h.dbh, [ready.conversationId])).get(ready.conversationId)!;
    expect(checkTranscript(rows)).toEqual([]);
    expect(rows.map((r) => r.role)).toEqual(['customer', 'customer', 'bot', 'bot']);
    const recovered = await h.deps.queue.getJob(ids[0]!);
    // Picked up again by BullMQ's stalled-job recovery, not by a retry or the sweeper.
    expect(recovered?.stalledCounter ?? 0).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('SIGTERM lets the running job finish, then exits cleanly', async () => {
    const w = workers.at(-1)!; // the worker that took over above (still holding each job 1.5 s)
    expect(w.proc.exitCode).toBeNull();
    const { socket } = await h.connect();
    const [id] = await sendAll(socket, ['is WELCOME10 still valid?']);
    await waitFor('job active', async () => (await h.deps.queue.getJob(id!))?.getState().then((s) => s === 'active'), 30_000, 50);
    expect(await w.stop()).toBe(0);
    expect(await allAnswered(h.dbh, [id!])).toBe(true); // answered before the process exited
    expect(await (await h.deps.queue.getJob(id!))?.getState()).toBe('completed');
  }, 60_000);

  it('SIGTERM past the grace period hands the running job back; another worker answers it once', async () => {
    for (const w of workers.splice(0)) await w.stop();
    const w = await spawnWorker({ ...env, WORKER_TEST_DELAY_MS: '20000', SHUTDOWN_GRACE_MS: '100' });
    const { socket } = await h.connect();
    const [id] = await sendAll(socket, ['Do you ship internationally?']);
    await waitFor('job active', async () => (await h.deps.queue.getJob(id!))?.getState().then((s) => s === 'active'), 30_000, 50);
    expect(await w.stop()).toBe(0);
    const state = await (await h.deps.queue.getJob(id!))?.getState();
    expect(['delayed', 'waiting', 'prioritized']).toContain(state); // released, not failed
    expect(await allAnswered(h.dbh, [id!])).toBe(false);
    const next = await spawnWorker({ ...env, WORKER_TEST_DELAY_MS: '0' });
    workers.push(next);
    await waitFor('reply', () => allAnswered(h.dbh, [id!]), 30_000, 100).catch(async (err: Error) => {
      const job = await h.deps.queue.getJob(id!);
      throw new Error(`${err.message}; job ${await job?.getState()} ${JSON.stringify(job?.toJSON())}; worker output: ${next.output().slice(-2000)}`);
    });
    const [{ n }] = await h.dbh.sql<{ n: number }[]>`select count(*)::int as n from messages where reply_to = ${id!}`;
    expect(n).toBe(1);
  }, 60_000);
});

describe('worker crash after the reply commit, before the publish (issue 16, survivor 1)', () => {
  it('SIGKILL between commit and publish: the re-run publishes the stored reply, once, and writes no second one', async () => {
    // WORKER_TEST_HOLD_AFTER_COMMIT_MS (a test hook refused in production) holds the worker between
    // its reply's commit and its publish, which pins the kill to that window.
    const h2 = await startHarness('wkcrash2', { worker: false });
    const env2 = { ...env, DATABASE_URL: h2.dbUrl, REDIS_PREFIX: h2.prefix, WORKER_TEST_DELAY_MS: '0', WORKER_TEST_HOLD_AFTER_COMMIT_MS: '60000' };
    const local: WorkerProcess[] = [];
    try {
      const first = await spawnWorker(env2);
      local.push(first);
      const { socket } = await h2.connect();
      const seen: Message[] = [];
      socket.on('message:new', (m) => m.role === 'bot' && seen.push(m));
      const [id] = await sendAll(socket, ['What is your return policy?']);
      const [row] = await waitFor('reply committed', async () => {
        const rows = await h2.dbh.sql<{ id: string }[]>`select id from messages where reply_to = ${id!}`;
        return rows.length ? rows : null;
      }, 30_000, 20);
      await sleep(300); // the worker is now held after its commit, before its publish
      await first.kill('SIGKILL');
      await sleep(500);
      expect(seen).toEqual([]); // committed, never published

      local.push(await spawnWorker({ ...env2, WORKER_TEST_HOLD_AFTER_COMMIT_MS: '0' }));
      await waitFor('the stored reply published by the re-run', () => seen.some((m) => m.id === row!.id), 30_000, 50);
      const job = await h2.deps.queue.getJob(id!);
      expect(await job!.waitUntilFinished(h2.deps.queueEvents, 10_000)).toEqual({ replyId: row!.id, duplicate: true, latencyMs: expect.any(Number) });
      expect(job!.stalledCounter ?? 0).toBeGreaterThanOrEqual(1); // BullMQ's stalled-job recovery re-ran it
      const [{ n }] = await h2.dbh.sql<{ n: number }[]>`select count(*)::int as n from messages where reply_to = ${id!}`;
      expect(n).toBe(1);
      expect(new Set(seen.map((m) => m.id))).toEqual(new Set([row!.id]));
      socket.disconnect();
    } finally {
      for (const w of local) await w.kill('SIGKILL');
      await h2.stop();
    }
  }, 90_000);
});
