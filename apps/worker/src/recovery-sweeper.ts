import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { MessageJob } from '@em/contracts/jobs';
import type { Logger } from '@em/config/logger';
import type { RedisKeys } from '@em/config/redis';
import type { Db } from '@em/db/client';
import { answeredAmong, findUnansweredMessages } from '@em/db/queries/messages';
import { STATUSES, aiMaySpeak } from '@em/conversations/machine';

/**
 * Older unanswered messages are left alone: a customer who wrote a day ago and got nothing is past an
 * automatic answer (the console lists the conversation; a person follows up).
 */
const MAX_AGE_S = 24 * 3600;

export interface SweeperDeps {
  db: Db;
  queue: Queue<MessageJob>;
  redis: Redis;
  keys: Pick<RedisKeys, 'recoverySweep'>;
  logger: Logger;
  /** Messages younger than this (s) are left to their live job. */
  minAgeS: number;
  intervalMs: number;
  batch?: number;
}

/**
 * Recovery sweeper. Postgres holds every acked customer message; Redis (the queue) may lose jobs
 * (a restart without persistence). Periodically re-enqueue customer messages the AI still owes an
 * answer for (see findUnansweredMessages). jobId = message id makes this idempotent: a job that
 * still exists is left alone, except one that finished without producing a reply (failed, e.g. the
 * apology itself could not be written), which is retried. One worker process sweeps per interval.
 */
export function createRecoverySweeper(deps: SweeperDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function sweepOnce(): Promise<number> {
    const found = await findUnansweredMessages(deps.db, { statuses: STATUSES.filter(aiMaySpeak), minAgeS: deps.minAgeS, maxAgeS: MAX_AGE_S, limit: deps.batch ?? 500 });
    const todo: Array<{ m: (typeof found)[number]; retry?: () => Promise<void> }> = [];
    for (const m of found) {
      const job = await deps.queue.getJob(m.messageId);
      const state = job ? await job.getState() : 'unknown';
      if (job && (state === 'failed' || state === 'completed')) todo.push({ m, retry: () => job.retry(state) });
      else if (!job || state === 'unknown') todo.push({ m });
    }
    // Looking at the jobs takes a while under load, and a job finishes only after its reply is
    // committed: a message answered since the first read has a finished job, not a lost one. Read
    // the replies again after the states, or every slow sweep re-runs hundreds of answered turns.
    const answered = await answeredAmong(deps.db, todo.map((t) => t.m.messageId));
    let requeued = 0;
    for (const { m, retry } of todo) {
      if (answered.has(m.messageId)) continue;
      if (retry) await retry();
      else await deps.queue.add('message', { messageId: m.messageId, conversationId: m.conversationId, seq: m.seq }, { jobId: m.messageId });
      requeued++;
    }
    if (requeued) deps.logger.warn({ requeued, found: found.length }, 'recovery sweeper re-enqueued unanswered messages');
    return requeued;
  }

  async function tick() {
    // One sweeper per interval across all worker processes (the lock simply expires).
    const won = await deps.redis.set(deps.keys.recoverySweep, String(process.pid), 'PX', Math.max(500, deps.intervalMs - 100), 'NX');
    if (won) await sweepOnce();
  }

  return {
    sweepOnce,
    start() {
      if (deps.intervalMs <= 0 || timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = tick()
          .then(() => 0)
          .catch((err: Error) => (deps.logger.warn({ err: err.message }, 'recovery sweep failed'), 0))
          .finally(() => (running = undefined));
      }, deps.intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
