import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Emitter } from '@socket.io/redis-emitter';
import { MESSAGES_QUEUE, MessageJob, type MessageJobResult } from '@em/contracts/jobs';
import type { AgentsServerToClientEvents, ChatServerToClientEvents } from '@em/contracts/events';
import type { Logger } from '@em/config/logger';
import type { RedisKeys } from '@em/config/redis';
import type { Db } from '@em/db/client';
import type { SupportGraph } from '@em/agents/graph';
import { createAnnouncer } from '@em/conversations/announcer';
import { createConversationWaiters } from '@em/conversations/ordering';
import { createPresence } from '@em/conversations/presence';
import { createConversationService } from '@em/conversations/service';
import type { FollowUpPort } from '@em/conversations/follow-up';
import { createSiteSettings } from '@em/conversations/site-settings';
import type { SiteHours } from '@em/contracts/site';
import { createJobHandler } from './job-handler';
import { createMessageProcessor, type ProcessResult } from './process-message';
import { createRecoverySweeper } from './recovery-sweeper';
import { createFailureReporter } from './report-failure';

export interface WorkerOptions {
  concurrency: number;
  deadlineMs: number;
  maxRetries: number;
  /** BullMQ's job lock and stalled-job check; BullMQ's defaults when absent. */
  jobLockMs?: number;
  stalledIntervalMs?: number;
  /** The recovery sweeper (re-enqueues what the queue lost); off when absent. */
  recovery?: { minAgeS: number; intervalMs: number };
  /** Test hook (env.ts refuses it in production): hold each job this long. */
  testDelayMs?: number;
  /** Test hook (env.ts refuses it in production): hold each job this long between its reply's commit and publish. */
  testHoldAfterCommitMs?: number;
  /** Each shop's default language (SITES_JSON branding.locale), by site key. */
  siteLocales?: Record<string, string>;
  /** Each shop's business hours (SITES_JSON), by site key; the admin page's saved hours win over them. */
  siteHours?: Record<string, SiteHours>;
}

export interface WorkerDeps {
  db: Db;
  graph: SupportGraph;
  logger: Logger;
  keys: RedisKeys;
  /** Commands: waiters, presence, the sweeper's lease. */
  redis: Redis;
  /** Publishes to browsers through the gateways' Socket.IO Redis adapter. */
  emitterRedis: Redis;
  /** BullMQ's connections (maxRetriesPerRequest: null): the blocking worker and the producer side. */
  workerConnection: Redis;
  queueConnection: Redis;
  options: WorkerOptions;
  /** Email follow-up (issue 20; mail-setup.ts): tickets opened by the AI's escalations are followed up by mail too. */
  followUp?: FollowUpPort;
  /** The clock business hours are read by (tests inject one); the real time when absent. */
  now?: () => Date;
}

/**
 * The whole worker, wired from its parts: the BullMQ worker running the job handler (order,
 * deadline, retries) around the message processor (LangGraph turn → conversation service), the
 * failure reporter and the recovery sweeper. `main.ts` and the integration-test harness both build
 * it here, so tests run exactly the production wiring.
 */
export function createWorker(deps: WorkerDeps) {
  const { db, logger, keys, redis, options: o } = deps;
  const announce = createAnnouncer({
    chat: new Emitter<ChatServerToClientEvents>(deps.emitterRedis, { key: keys.socketIo }).of('/chat'),
    agents: new Emitter<AgentsServerToClientEvents>(deps.emitterRedis, { key: keys.socketIo }).of('/agents'),
  });
  // The AI's escalations go through the same hand-over as the customer's button: same hours, same overrides.
  const sites = createSiteSettings({ db, sites: Object.entries(o.siteHours ?? {}).map(([siteKey, hours]) => ({ siteKey, hours })), now: deps.now });
  const followUpDeps = { followUp: deps.followUp, reportError: (err: unknown, what: string) => logger.warn({ err, what }, 'follow-up mail failed') };
  const conversations = createConversationService({
    ...followUpDeps,
    db,
    presence: createPresence(redis, keys),
    announce,
    now: deps.now,
    siteHours: async (siteKey) => (await sites.get(siteKey)).hours,
  });
  // Producer-side handle on the same queue: wake-ups of waiting jobs and the recovery sweeper.
  const queue = new Queue<MessageJob>(MESSAGES_QUEUE, { connection: deps.queueConnection, prefix: keys.bull });
  const processMessage = createMessageProcessor({
    db,
    graph: deps.graph,
    conversations,
    announce,
    logger,
    siteLocales: o.siteLocales ?? {},
    ...(o.testHoldAfterCommitMs ? { afterCommit: () => new Promise<void>((r) => setTimeout(r, o.testHoldAfterCommitMs)) } : {}),
  });
  const reportFailure = createFailureReporter({ db, conversations, logger });
  const handler = createJobHandler({
    db,
    waiters: createConversationWaiters(redis, keys, queue),
    processMessage,
    reportFailure,
    logger,
    deadlineMs: o.deadlineMs,
    maxRetries: o.maxRetries,
    testDelayMs: o.testDelayMs,
  });

  // The result carries the enqueue → finish latency, so the gateway's metric needs no read of the job.
  const run = async (job: Job, token?: string): Promise<ProcessResult & MessageJobResult> => ({
    ...(await handler.handle(job, token)),
    latencyMs: Math.max(0, Date.now() - job.timestamp),
  });
  const worker = new Worker(MESSAGES_QUEUE, run, {
    connection: deps.workerConnection,
    prefix: keys.bull,
    concurrency: o.concurrency,
    ...(o.jobLockMs ? { lockDuration: o.jobLockMs } : {}),
    ...(o.stalledIntervalMs ? { stalledInterval: o.stalledIntervalMs } : {}),
    // A job whose worker died twice is failed by BullMQ; the 'failed' handler below still apologises.
    maxStalledCount: 2,
    // Keep finished jobs for the console (bull-board) for a while (age in s); replies are in Postgres.
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });
  worker.on('failed', (job, err) => {
    logger.error({ jobId: job?.id, err: err.message }, 'job failed');
    // Our own final failures already apologised; a job failed by BullMQ itself (stalled too often)
    // or whose apology could not be written gets it now (idempotent: the apology is the one reply).
    const data = MessageJob.safeParse(job?.data);
    if (!(err instanceof UnrecoverableError) && data.success) {
      reportFailure(data.data, err, false).catch((e: Error) => logger.warn({ err: e.message }, 'apology failed; the sweeper retries'));
    }
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'));

  const sweeper = createRecoverySweeper({
    db,
    queue,
    redis,
    keys,
    logger,
    minAgeS: o.recovery?.minAgeS ?? 0,
    intervalMs: o.recovery?.intervalMs ?? 0,
  });
  sweeper.start();

  return {
    worker,
    queue,
    handler,
    sweeper,
    conversations,
    /**
     * Stops taking jobs and lets running ones finish. With `graceMs`, jobs still running after it are
     * handed back to the queue (they re-run elsewhere; the reply is still written once); without it,
     * close waits for them, so nothing publishes after the caller closes its connections.
     */
    async close(graceMs?: number) {
      const grace = graceMs === undefined ? undefined : setTimeout(() => handler.releaseAll(), graceMs);
      await Promise.all([worker.close(), sweeper.stop()]);
      await queue.close();
      clearTimeout(grace);
    },
  };
}
export type SupportWorker = ReturnType<typeof createWorker>;
