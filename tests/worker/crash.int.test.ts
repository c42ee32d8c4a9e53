// Multi-process worker suite (issue 5): SIGKILL a worker mid-job; stalled-job recovery answers once.
// Heavy: run under `flock /tmp/em-heavy.lock`.
import { TEST_REDIS_URL } from '@em/config/test-env';
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
    CONVERSATION_LOCK_MS: '3000',
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
    // In flight = active in BullMQ and holding its conversation's lock (inside the 1.5 s test hold).
    await waitFor('first job in flight', async () => {
      const lockHolder = await h.deps.redis.get(`${h.prefix}:convlock:${ready.conversationId}`);
      return lockHolder?.endsWith(`:${firstId}`) && (await h.deps.queue.getJob(firstId!))?.getState().then((s) => s === 'active');
    }, 30_000, 50);
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
