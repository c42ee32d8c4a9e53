// The recovery sweeper's choice of messages (Postgres decides what the AI still owes) and its
// idempotence (jobId = message id). Real Postgres and Redis, no worker running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker, type Queue } from 'bullmq';
import type { MessageJob } from '@em/contracts/jobs';
import { MESSAGES_QUEUE } from '@em/contracts/jobs';
import { createRedis } from '@em/config/redis';
import { TEST_REDIS_URL } from '@em/config/test-env';
import { createLogger } from '@em/config/logger';
import { appendMessage, createConversation, setStatus } from '@em/db/queries/conversations';
import { startHarness, type Harness } from '../harness';
import { createRecoverySweeper } from '../../apps/worker/src/recovery-sweeper';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('wkrecovery', { worker: false });
});
afterAll(async () => {
  await h?.stop();
});

const customer = async (conversationId: string, text: string, ageS: number) => {
  const m = (await appendMessage(h.dbh.db, { conversationId, role: 'customer', text }))!;
  await h.dbh.sql`update messages set created_at = now() - make_interval(secs => ${ageS}) where id = ${m.id}`;
  return m;
};

describe('recovery sweeper', () => {
  it('re-enqueues only unanswered messages the AI owes (bot or reopened after a resolve) of the current owner era, once', async () => {
    const db = h.dbh.db;
    const a = await createConversation(db, { siteKey: 'demo-site' });
    const lost = await customer(a.id, 'lost in a Redis restart', 60);
    const answered = await customer(a.id, 'answered', 50);
    await appendMessage(db, { conversationId: a.id, role: 'bot', text: 'reply', replyTo: answered.id });
    await customer(a.id, 'still with its live job', 1);

    const human = await createConversation(db, { siteKey: 'demo-site' });
    await setStatus(db, human.id, 'waiting_human', { reason: 'customer_request' });
    await customer(human.id, 'for the human', 60);
    // Written while a person has the chat (after the hand-over): the person answers it, not the AI.
    const withPerson = await createConversation(db, { siteKey: 'demo-site' });
    await setStatus(db, withPerson.id, 'human');
    await h.dbh.sql`update conversation_events set created_at = now() - interval '90 seconds' where conversation_id = ${withPerson.id}`;
    await customer(withPerson.id, 'to the agent', 60);

    // A human handled the first message, then handed back to the bot: only the later one is owed.
    const back = await createConversation(db, { siteKey: 'demo-site' });
    await customer(back.id, 'answered by a human', 120);
    await setStatus(db, back.id, 'human');
    await setStatus(db, back.id, 'bot');
    await h.dbh.sql`update conversation_events set created_at = now() - interval '90 seconds' where conversation_id = ${back.id}`;
    const afterHandBack = await customer(back.id, 'after hand-back', 60);

    // A resolved chat the customer wrote to again is the AI's to answer (DESIGN §5): owed too.
    const reopened = await createConversation(db, { siteKey: 'demo-site' });
    await setStatus(db, reopened.id, 'resolved');
    await h.dbh.sql`update conversation_events set created_at = now() - interval '90 seconds' where conversation_id = ${reopened.id}`;
    const afterResolve = await customer(reopened.id, 'one more question after the resolve', 60);

    const sweeper = createRecoverySweeper({
      db,
      queue: h.deps.queue,
      redis: h.deps.redis,
      keys: h.deps.keys,
      logger: createLogger('test', 'silent'),
      minAgeS: 5,
      intervalMs: 0,
    });
    expect(await sweeper.sweepOnce()).toBe(3);
    const jobs = await h.deps.queue.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(jobs.map((j) => j.id).sort()).toEqual([lost.id, afterHandBack.id, afterResolve.id].sort());
    expect(jobs.find((j) => j.id === lost.id)?.data).toEqual({ messageId: lost.id, conversationId: a.id, seq: lost.seq });
    // Jobs that still exist are left alone: a second sweep adds nothing.
    expect(await sweeper.sweepOnce()).toBe(0);
    expect(await h.deps.queue.getJobCounts('waiting')).toMatchObject({ waiting: 3 });
  });

  it('a job that finished with its reply while the sweep looked at the jobs is not run again (the replies are read again after the states)', async () => {
    const db = h.dbh.db;
    const c = await createConversation(db, { siteKey: 'demo-site' });
    const slow = await customer(c.id, 'answered while the sweep was busy', 60);
    // Its job really ran and completed (a real BullMQ worker), as the AI's job does after committing.
    const conn = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker(MESSAGES_QUEUE, async () => ({ replyId: 'r' }), { connection: conn, prefix: h.deps.keys.bull });
    await h.deps.queue.add('message', { messageId: slow.id, conversationId: c.id, seq: slow.seq }, { jobId: slow.id });
    for (let i = 0; i < 100 && (await (await h.deps.queue.getJob(slow.id))!.getState()) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50));
    await worker.close();
    conn.disconnect();
    // The reply lands after the sweep's first read and before it looks at the job: the race of a slow sweep under load.
    const queue = Object.create(h.deps.queue, {
      getJob: {
        value: async (id: string) => {
          if (id === slow.id) await appendMessage(db, { conversationId: c.id, role: 'bot', text: 'reply', replyTo: slow.id });
          return h.deps.queue.getJob(id);
        },
      },
    }) as Queue<MessageJob>;
    const sweeper = createRecoverySweeper({ db, queue, redis: h.deps.redis, keys: h.deps.keys, logger: createLogger('test', 'silent'), minAgeS: 5, intervalMs: 0 });
    await sweeper.sweepOnce();
    // Not retried (a retry moves it back to waiting); the earlier test's jobs are the worker's business.
    expect(await (await h.deps.queue.getJob(slow.id))!.getState()).toBe('completed');
  });
});
