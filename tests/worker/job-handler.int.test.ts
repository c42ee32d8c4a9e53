// Issue 16 (StrykerJS, `worker` group): apps/worker/src/job-handler.ts branch by branch, with a
// recording BullMQ job, waiters and processor on a real database (the ownership and order rules are
// Postgres queries, read with the turn's context). The process suites show the handler's effects end to end but seldom which
// branch produced them: here each branch's promise is checked where it is made — wait without
// burning an attempt, a human owner skips, retries only for transient errors with 0.5 s × 2ⁿ
// backoff, the deadline and shutdown, and that the next job's wake-up follows.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { appendMessage, createConversation, setStatus } from '@em/db/queries/conversations';
import { createJobHandler, type JobHandlerDeps } from '../../apps/worker/src/job-handler';
import { DeadlineError, FinalFailure, ShutdownError } from '../../apps/worker/src/errors';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';

const dbName = uniqueName('job_handler');
let h: DbHandle;

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 4 });
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

type Process = JobHandlerDeps['processMessage'];

/** A conversation with `n` customer messages (seq 1..n); returns the job data of each. */
async function conversationWith(n: number) {
  const conv = await createConversation(h.db, { siteKey: 'demo-site' });
  const jobs = [];
  for (let i = 0; i < n; i++) {
    const m = (await appendMessage(h.db, { conversationId: conv.id, role: 'customer', text: `message ${i + 1}` }))!;
    jobs.push({ messageId: m.id, conversationId: conv.id, seq: m.seq });
  }
  return { conversationId: conv.id, jobs };
}

function rig(process: Process, opts: { deadlineMs?: number; maxRetries?: number; db?: unknown } = {}) {
  const log: string[] = [];
  /** What the handler told the operators (pino's `warn(obj, msg)`), in order. */
  const warnings: Array<{ obj: unknown; msg: string }> = [];
  const failures: Array<{ data: unknown; err: unknown; timedOut: boolean }> = [];
  const seen: Array<{ data: unknown; signal?: AbortSignal; ctx?: Parameters<Process>[2] }> = [];
  const noop = () => {};
  const deps = {
    db: opts.db ?? h.db,
    waiters: {
      register: async (conv: string, seq: number, id: string) => void log.push(`register ${conv} ${seq} ${id}`),
      wakeNext: async (conv: string, below?: number) => void log.push(below === undefined ? `wakeNext ${conv}` : `wakeNext ${conv} below ${below}`),
    },
    processMessage: (async (data, signal, ctx) => {
      seen.push({ data, signal, ctx });
      return process(data, signal, ctx);
    }) as Process,
    reportFailure: async (data: unknown, err: unknown, timedOut: boolean) => void failures.push({ data, err, timedOut }),
    logger: { warn: (obj: unknown, msg: string) => void warnings.push({ obj, msg }), info: noop, error: noop, debug: noop },
    deadlineMs: opts.deadlineMs ?? 10_000,
    maxRetries: opts.maxRetries ?? 2,
  } as unknown as JobHandlerDeps;
  return { handler: createJobHandler(deps), log, failures, seen, warnings };
}

/** A BullMQ job that records what the handler does with it. */
function fakeJob(data: Record<string, unknown>, attemptsStarted = 1) {
  const job = {
    id: 'job-1',
    data,
    attemptsStarted,
    delayedBy: [] as number[],
    updates: [] as unknown[],
    async moveToDelayed(ts: number, token?: string) {
      job.delayedBy.push(ts - Date.now());
      job.token = token;
    },
    async updateData(d: Record<string, unknown>) {
      job.updates.push(d);
      job.data = d;
    },
    token: undefined as string | undefined,
  };
  return job;
}
const asJob = (j: ReturnType<typeof fakeJob>) => j as unknown as Job;

/**
 * A database whose statements run through `exec` (given the real run): the turn's context read is a
 * prepared statement (packages/db/src/prepared.ts), so the seam is drizzle's session.
 */
function dbWhoseStatements(exec: (run: () => Promise<unknown>) => Promise<unknown>) {
  const session = h.db._.session;
  return {
    _: {
      session: {
        prepareQuery: (...args: Parameters<typeof session.prepareQuery>) => {
          const real = session.prepareQuery(...args);
          return { execute: () => exec(() => real.execute()) };
        },
      },
    },
  };
}

const transient = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a job that may run', () => {
  it('runs the processor with its data, an unaborted signal and the context it read; then wakes the next job', async () => {
    const { conversationId, jobs } = await conversationWith(1);
    const r = rig(async () => ({ replyId: 'r1' }));
    const job = fakeJob(jobs[0]!);
    expect(await r.handler.handle(asJob(job), 'tok')).toEqual({ replyId: 'r1' });
    expect(r.seen).toHaveLength(1);
    expect(r.seen[0]!.data).toEqual(jobs[0]);
    expect(r.seen[0]!.signal?.aborted).toBe(false);
    // The turn reuses the context read for the order rule (one read before the model).
    expect(r.seen[0]!.ctx).toMatchObject({ message: { id: jobs[0]!.messageId, seq: 1, text: 'message 1' }, blocker: null, reply: null, history: [] });
    expect(r.log).toEqual([`wakeNext ${conversationId}`]);
    expect(job.delayedBy).toEqual([]);
    expect(r.failures).toEqual([]);
    expect(r.handler.active).toBe(0);
  });

  it('a later message whose earlier ones are answered runs too', async () => {
    const { conversationId, jobs } = await conversationWith(2);
    await appendMessage(h.db, { conversationId, role: 'bot', text: 'answer', replyTo: jobs[0]!.messageId });
    const r = rig(async () => ({ replyId: 'r2' }));
    expect(await r.handler.handle(asJob(fakeJob(jobs[1]!)))).toEqual({ replyId: 'r2' });
  });
});

describe('the wake-up after a reply', () => {
  it('a reply that took the seq right after its message wakes nobody: nothing stored between them can be waiting', async () => {
    const { jobs } = await conversationWith(1);
    const r = rig(async () => ({ replyId: 'r1', replySeq: 2 }));
    // replySeq is the handler's to read, not part of the job's result.
    expect(await r.handler.handle(asJob(fakeJob(jobs[0]!)))).toEqual({ replyId: 'r1' });
    expect(r.log).toEqual([]);
  });

  it('a message stored between the message and its reply may wait on it: woken', async () => {
    const { conversationId, jobs } = await conversationWith(1);
    const r = rig(async () => ({ replyId: 'r1', replySeq: 3 }));
    expect(await r.handler.handle(asJob(fakeJob(jobs[0]!)))).toEqual({ replyId: 'r1' });
    expect(r.log).toEqual([`wakeNext ${conversationId}`]);
  });
});

describe('a human owns the conversation', () => {
  it.each(['waiting_human', 'human'] as const)('%s: skipped without running the AI; next job woken', async (status) => {
    const { conversationId, jobs } = await conversationWith(2);
    await setStatus(h.db, conversationId, status);
    const r = rig(async () => ({ replyId: 'never' }));
    // The second message: its unanswered predecessor must not make it wait (ownership is checked first).
    expect(await r.handler.handle(asJob(fakeJob(jobs[1]!)))).toEqual({ skipped: 'human_owner' });
    expect(r.seen).toEqual([]);
    expect(r.log.at(-1)).toBe(`wakeNext ${conversationId}`);
  });
});

describe('waiting its turn goes back to `delayed` (not an attempt)', () => {
  it('its turn has not come: register for a wake-up, delayed 100 ms (+ < 50 ms jitter) on the first wait', async () => {
    const { conversationId, jobs } = await conversationWith(2);
    const r = rig(async () => ({ replyId: 'never' }));
    const job = fakeJob(jobs[1]!, 0);
    await expect(r.handler.handle(asJob(job), 'tok-7')).rejects.toBeInstanceOf(DelayedError);
    expect(r.log.at(-1)).toBe(`register ${conversationId} 2 ${jobs[1]!.messageId}`);
    expect(job.token).toBe('tok-7');
    expect(job.delayedBy).toHaveLength(1);
    expect(job.delayedBy[0]).toBeGreaterThanOrEqual(90);
    expect(job.delayedBy[0]).toBeLessThan(160);
    expect(r.seen).toEqual([]);
  });

  it('the safety delay carries up to 49 ms of jitter, so jobs that lost their wake-up together do not all retry together', async () => {
    const { jobs } = await conversationWith(2);
    const r = rig(async () => ({ replyId: 'never' }));
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const job = fakeJob(jobs[1]!, 0);
    await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
    expect(job.delayedBy[0]).toBeGreaterThanOrEqual(140);
    expect(job.delayedBy[0]).toBeLessThanOrEqual(149);
  });

  it('the safety delay doubles per wait and stops at 2 s', async () => {
    const { jobs } = await conversationWith(2);
    const r = rig(async () => ({ replyId: 'never' }));
    const delays = [];
    for (const attempts of [2, 3, 5, 9]) {
      const job = fakeJob(jobs[1]!, attempts);
      await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
      delays.push(job.delayedBy[0]!);
    }
    const expected = [400, 800, 2000, 2000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(expected[i]! - 10);
      expect(d).toBeLessThan(expected[i]! + 60);
    });
  });

  it('an earlier message still unanswered: wake it (it may be parked in delayed), then wait; no one else is woken', async () => {
    const { conversationId, jobs } = await conversationWith(2);
    const r = rig(async () => ({ replyId: 'never' }));
    const job = fakeJob(jobs[1]!, 0);
    await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
    expect(r.log).toEqual([
      `wakeNext ${conversationId} below 2`,
      `register ${conversationId} 2 ${jobs[1]!.messageId}`,
    ]);
    expect(r.seen).toEqual([]);
    expect(job.delayedBy).toHaveLength(1);
  });
});

describe('failures', () => {
  it('a transient error is retried with 0.5 s × 2ⁿ backoff, counted in the job data, up to maxRetries; then reported once', async () => {
    const { conversationId, jobs } = await conversationWith(1);
    const err = transient();
    const r = rig(async () => {
      throw err;
    });
    const job = fakeJob(jobs[0]!);
    await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
    await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
    expect(job.updates).toEqual([
      { ...jobs[0], retries: 1 },
      { ...jobs[0], retries: 2 },
    ]);
    expect(job.delayedBy[0]).toBeGreaterThanOrEqual(490);
    expect(job.delayedBy[0]).toBeLessThan(560);
    expect(job.delayedBy[1]).toBeGreaterThanOrEqual(990);
    expect(job.delayedBy[1]).toBeLessThan(1060);
    expect(r.failures).toEqual([]);
    // Operators see each retry with the job, the count so far and the error.
    expect(r.warnings).toEqual([
      { obj: { jobId: 'job-1', retries: 0, err: 'Error: connect ECONNREFUSED' }, msg: 'transient error, retrying' },
      { obj: { jobId: 'job-1', retries: 1, err: 'Error: connect ECONNREFUSED' }, msg: 'transient error, retrying' },
    ]);
    // The third failure is past maxRetries (2): reported, and final (never retried by BullMQ).
    const final = await r.handler.handle(asJob(job)).catch((e: unknown) => e);
    expect(final).toBeInstanceOf(FinalFailure);
    expect((final as Error).message).toBe('Error: connect ECONNREFUSED');
    expect(r.failures).toEqual([{ data: jobs[0], err, timedOut: false }]);
    expect(job.updates).toHaveLength(2);
    // Every run ran the turn, so each one woke the next job.
    expect(r.log.filter((l) => l === `wakeNext ${conversationId}`)).toHaveLength(3);
  });

  it('a retry counter that is not a number counts as none', async () => {
    const { jobs } = await conversationWith(1);
    const r = rig(async () => {
      throw transient();
    });
    const job = fakeJob({ ...jobs[0]!, retries: 'lots' });
    await expect(r.handler.handle(asJob(job))).rejects.toBeInstanceOf(DelayedError);
    expect(job.updates).toEqual([{ ...jobs[0], retries: 1 }]);
  });

  it('any other error is reported at once and final', async () => {
    const { jobs } = await conversationWith(1);
    const err = new TypeError('model output made no sense');
    const r = rig(async () => {
      throw err;
    });
    const job = fakeJob(jobs[0]!);
    const final = await r.handler.handle(asJob(job)).catch((e: unknown) => e);
    expect(final).toBeInstanceOf(FinalFailure);
    expect((final as Error).message).toBe('TypeError: model output made no sense');
    expect(r.failures).toEqual([{ data: jobs[0], err, timedOut: false }]);
    expect(job.updates).toEqual([]);
    expect(job.delayedBy).toEqual([]);
  });

  it('invalid job data or a message that cannot exist is rethrown as is: no apology, no retry', async () => {
    const { jobs } = await conversationWith(1);
    const bad = new UnrecoverableError('message x is not a customer message');
    const r = rig(async () => {
      throw bad;
    });
    await expect(r.handler.handle(asJob(fakeJob(jobs[0]!)))).rejects.toBe(bad);
    expect(r.failures).toEqual([]);
    await expect(r.handler.handle(asJob(fakeJob({ messageId: 'nope', conversationId: 'x', seq: 0 })))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('a job BullMQ no longer holds is rethrown quietly (the sweeper re-enqueues it)', async () => {
    const { jobs } = await conversationWith(1);
    const gone = new Error('Missing lock for job job-1. moveToFinished');
    const r = rig(async () => {
      throw gone;
    });
    await expect(r.handler.handle(asJob(fakeJob(jobs[0]!)))).rejects.toBe(gone);
    expect(r.failures).toEqual([]);
    // Quiet for the customer, not for the operators: one warning names the job and says what happens next.
    expect(r.warnings).toEqual([{ obj: { jobId: 'job-1', err: 'Error: Missing lock for job job-1. moveToFinished' }, msg: 'job vanished from the queue; the recovery sweeper re-enqueues it' }]);
  });

  it('the deadline aborts the turn, is reported as timed out (even if the error looks transient) and is final', async () => {
    const { jobs } = await conversationWith(1);
    const r = rig((_data, signal) => new Promise((_res, rej) => signal!.addEventListener('abort', () => rej(transient()))), { deadlineMs: 200 });
    const t0 = Date.now();
    const final = await r.handler.handle(asJob(fakeJob(jobs[0]!))).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(final).toBeInstanceOf(FinalFailure);
    expect((final as Error).message).toBe('DeadlineError: deadline of 200 ms exceeded');
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.timedOut).toBe(true);
    expect(r.seen[0]!.signal?.aborted).toBe(true);
    expect(r.seen[0]!.signal?.reason).toBeInstanceOf(DeadlineError);
  });

  it('the deadline passing while Postgres is unreachable: reported as timed out, not retried, though the error is transient', async () => {
    const { jobs } = await conversationWith(1);
    // The turn context's read fails with a connection error only after the deadline has passed.
    const unreachable = dbWhoseStatements(() => new Promise((_res, rej) => setTimeout(() => rej(transient()), 300)));
    const r = rig(async () => ({ replyId: 'never' }), { deadlineMs: 100, db: unreachable });
    const job = fakeJob(jobs[0]!);
    const final = await r.handler.handle(asJob(job)).catch((e: unknown) => e);
    expect(final).toBeInstanceOf(FinalFailure);
    expect((final as Error).message).toBe('DeadlineError: deadline of 100 ms exceeded');
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.timedOut).toBe(true);
    expect(job.updates).toEqual([]);
    expect(job.delayedBy).toEqual([]);
  });

  it('a deadline that passed before the turn starts (a slow context read) ends it at once, even a turn that ignores the signal', async () => {
    const { jobs } = await conversationWith(1);
    // The read answers, but only after the deadline has fired: the turn then starts with an aborted signal.
    const slow = dbWhoseStatements(async (run) => (await new Promise((res) => setTimeout(res, 100)), run()));
    const r = rig(() => new Promise(() => {}), { deadlineMs: 10, db: slow });
    const final = await r.handler.handle(asJob(fakeJob(jobs[0]!))).catch((e: unknown) => e);
    expect(final).toBeInstanceOf(FinalFailure);
    expect((final as Error).message).toBe('DeadlineError: deadline of 10 ms exceeded');
    expect(r.seen[0]!.signal?.aborted).toBe(true);
    expect(r.failures[0]!.timedOut).toBe(true);
  }, 5000);

  it('the deadline wins even over a processor that ignores the signal', async () => {
    const { jobs } = await conversationWith(1);
    const r = rig(() => new Promise(() => {}), { deadlineMs: 150 });
    const final = await r.handler.handle(asJob(fakeJob(jobs[0]!))).catch((e: unknown) => e);
    expect(final).toBeInstanceOf(FinalFailure);
    expect(r.failures[0]!.timedOut).toBe(true);
  });
});

describe('shutdown', () => {
  it('releaseAll hands running jobs back to the queue at once: not failed, not retried', async () => {
    const { jobs } = await conversationWith(1);
    const r = rig((_data, signal) => new Promise((_res, rej) => signal!.addEventListener('abort', () => rej(signal!.reason as Error))));
    const job = fakeJob(jobs[0]!);
    const running = r.handler.handle(asJob(job), 'tok');
    await new Promise((res) => setTimeout(res, 100));
    expect(r.handler.active).toBe(1);
    r.handler.releaseAll();
    await expect(running).rejects.toBeInstanceOf(DelayedError);
    expect(r.seen[0]!.signal?.reason).toBeInstanceOf(ShutdownError);
    expect(job.delayedBy).toHaveLength(1);
    expect(job.delayedBy[0]).toBeLessThan(50);
    expect(job.updates).toEqual([]);
    expect(r.failures).toEqual([]);
    expect(r.handler.active).toBe(0);
  });
});
