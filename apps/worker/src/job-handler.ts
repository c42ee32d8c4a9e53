import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, type Job } from 'bullmq';
import type { Logger } from '@em/config/logger';
import type { Db } from '@em/db/client';
import { loadTurnContext } from '@em/db/queries/turn-context';
import { aiMaySpeak } from '@em/conversations/machine';
import type { ConversationWaiters } from '@em/conversations/ordering';
import { DeadlineError, FinalFailure, isJobGone, isTransient, isValidationError, ShutdownError } from './errors';
import { parseJob, type ProcessResult } from './process-message';
import type { createMessageProcessor } from './process-message';
import { describeError, type FailureReporter } from './report-failure';

export interface JobHandlerDeps {
  db: Db;
  waiters: ConversationWaiters;
  processMessage: ReturnType<typeof createMessageProcessor>;
  reportFailure: FailureReporter;
  logger: Logger;
  deadlineMs: number;
  maxRetries: number;
  /** Test hook (env.ts refuses it in production): hold each job this long so a test can kill it mid-job. */
  testDelayMs?: number;
}

/**
 * A job waiting for its conversation is woken by the message before it (conversation-waiters.ts);
 * this safety delay (100 ms doubling per wait, capped at 2 s) only matters when a wake-up was lost.
 */
const deferDelay = (waits: number) => Math.min(2000, 100 * 2 ** Math.min(waits, 5)) + Math.floor(Math.random() * 50);
/** Transient-error retries back off exponentially from 500 ms. */
const retryDelay = (retry: number) => 500 * 2 ** retry;

/** Resolves or rejects with `p`, or rejects with the signal's reason once aborted, whichever is first. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The BullMQ processor: strict per-conversation order, a deadline per job, retries for transient
 * errors only, and an apology + human offer on final failure.
 *
 * Order: a job runs only when no earlier customer message of the conversation is still unanswered
 * (Postgres decides, in the same read as the turn's context, so the rule survives losing Redis);
 * otherwise it goes back to `delayed` (moveToDelayed + DelayedError, which BullMQ doesn't count as
 * an attempt) until the message before it is answered and wakes it. That is also what keeps turns
 * one at a time: the next message's turn cannot start before this one's reply is committed. Two
 * runs of the same job (a stalled-job re-run beside a slow original) both may run the model; the
 * reply is unique on reply_to, so one commits and the other re-announces it. (Until issue 18 a Redis
 * lock per conversation did the same work again, at three round trips a job.) Retries are
 * scheduled the same way with a counter in the job data, so they work whatever options the
 * producer used; final failures throw UnrecoverableError.
 */
export function createJobHandler(deps: JobHandlerDeps) {
  const running = new Set<AbortController>();

  async function handle(job: Job, token?: string): Promise<ProcessResult> {
    const data = parseJob(job.data);
    const later = async (delayMs: number): Promise<never> => {
      await job.moveToDelayed(Date.now() + delayMs, token);
      throw new DelayedError();
    };
    const wait = async (): Promise<never> => {
      await deps.waiters.register(data.conversationId, data.seq, data.messageId);
      return later(deferDelay(job.attemptsStarted));
    };
    let wakeNextAfter = false;
    const ac = new AbortController();
    running.add(ac);
    const deadline = setTimeout(() => ac.abort(new DeadlineError(deps.deadlineMs)), deps.deadlineMs);
    try {
      const ctx = await loadTurnContext(deps.db, data.conversationId, data.messageId);
      // A human owns the conversation: the AI stays silent, whatever came before (the console has it).
      // Checked before the order rule, since messages sent to a human never get an AI reply to wait for.
      if (ctx.conversation && !aiMaySpeak(ctx.conversation.status)) {
        wakeNextAfter = true;
        return { skipped: 'human_owner' };
      }
      if (ctx.blocker) {
        // The message we wait for may itself be parked in `delayed`: wake it.
        await deps.waiters.wakeNext(data.conversationId, data.seq);
        return await wait();
      }
      wakeNextAfter = true;
      if (deps.testDelayMs) await abortable(sleep(deps.testDelayMs), ac.signal);
      const out = await abortable(deps.processMessage(data, ac.signal, deps.testDelayMs ? undefined : ctx), ac.signal);
      if (!('replySeq' in out)) return out;
      const { replySeq, ...result } = out;
      // The reply took the seq right after its message: no message of the conversation was stored
      // between them, so none can be waiting on this one (a later one is stored after the reply and
      // finds it answered). The wake-up would be a Redis read that finds nobody, on every turn.
      if (replySeq === data.seq + 1) wakeNextAfter = false;
      return result;
    } catch (err) {
      if (err instanceof DelayedError) throw err;
      if (ac.signal.reason instanceof ShutdownError) return await later(0); // handed back, not failed
      if (isValidationError(err)) throw err;
      if (isJobGone(err)) {
        deps.logger.warn({ jobId: job.id, err: describeError(err) }, 'job vanished from the queue; the recovery sweeper re-enqueues it');
        throw err;
      }
      const timedOut = ac.signal.reason instanceof DeadlineError;
      const retries = Number((job.data as { retries?: unknown }).retries ?? 0) || 0;
      if (!timedOut && isTransient(err) && retries < deps.maxRetries) {
        deps.logger.warn({ jobId: job.id, retries, err: describeError(err) }, 'transient error, retrying');
        await job.updateData({ ...data, retries: retries + 1 });
        return await later(retryDelay(retries));
      }
      await deps.reportFailure(data, err, timedOut);
      throw new FinalFailure(describeError(timedOut ? ac.signal.reason : err));
    } finally {
      clearTimeout(deadline);
      running.delete(ac);
      // This message is done (or handed back): let the next one of the conversation go (unless none
      // can be waiting, above).
      if (wakeNextAfter) await deps.waiters.wakeNext(data.conversationId).catch(() => {});
    }
  }

  return {
    handle,
    /** SIGTERM after the grace period: abort running jobs; each hands itself back to the queue. */
    releaseAll() {
      for (const ac of running) ac.abort(new ShutdownError());
    },
    get active() {
      return running.size;
    },
  };
}
export type JobHandler = ReturnType<typeof createJobHandler>;
