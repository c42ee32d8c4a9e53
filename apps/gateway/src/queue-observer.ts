import { MessageJobResult } from '@em/contracts/jobs';
import type { GatewayDeps } from './deps';

/** How long a "this job was counted" marker lives (s): longer than any retry of one job. */
const COUNTED_TTL_S = 3600;

/**
 * Processing latency and bot replies come from BullMQ's QueueEvents stream rather than from the
 * worker, so the worker needs no HTTP server of its own: on 'completed' the job's return value
 * carries its latency (enqueue → reply written, measured by the worker as it finishes, ms → s) and
 * whether it wrote a new reply. Every gateway node receives every event; a SET NX marker per job
 * makes exactly one node count it, so summing over nodes stays correct. (Until issue 18 the observer
 * read each finished job back from Redis for its timestamps.)
 */
export function observeQueue(deps: Pick<GatewayDeps, 'queueEvents' | 'redis' | 'keys' | 'metrics' | 'logger'>) {
  const claim = async (kind: string, jobId: string) =>
    (await deps.redis.set(deps.keys.jobCounted(kind, jobId), '1', 'EX', COUNTED_TTL_S, 'NX')) === 'OK';

  const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
    void (async () => {
      if (!(await claim('done', jobId))) return;
      // Redis is a trust boundary like any other: a value that is not a job result counts nothing.
      const rv = MessageJobResult.safeParse(typeof returnvalue === 'string' ? safeJson(returnvalue) : returnvalue).data;
      if (rv?.latencyMs !== undefined) deps.metrics.processingSeconds.observe(rv.latencyMs / 1000);
      if (rv?.replyId && !rv.duplicate) deps.metrics.messagesOut.inc({ source: 'worker' });
    })().catch((err: unknown) => deps.logger.debug({ err, jobId }, 'queue metric skipped'));
  };
  const onFailed = ({ jobId }: { jobId: string }) => {
    void claim('failed', jobId)
      .then((won) => won && deps.metrics.jobsFailed.inc())
      .catch(() => {});
  };
  deps.queueEvents.on('completed', onCompleted);
  deps.queueEvents.on('failed', onFailed);
  return () => {
    deps.queueEvents.off('completed', onCompleted);
    deps.queueEvents.off('failed', onFailed);
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
