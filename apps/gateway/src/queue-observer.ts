import { MessageJobResult } from '@em/contracts/jobs';
import type { GatewayDeps } from './deps';

/** How long a "this job was counted" marker lives (s): longer than any retry of one job. */
const COUNTED_TTL_S = 3600;
/** Entries read per XREAD; a full batch is followed by the next read at once. */
const BATCH = 1000;
/** Pause between reads that caught up: metrics lag by at most this much. */
const OBSERVE_INTERVAL_MS = 250;

type Entry = [id: string, fields: string[]];
interface QueueEvent {
  event?: string;
  jobId?: string;
  returnvalue?: string;
}

/**
 * Processing latency and bot replies come from the queue's event stream rather than from the
 * worker, so the worker needs no HTTP server of its own: a 'completed' event carries the job's
 * return value with its latency (enqueue → reply written, measured by the worker as it finishes,
 * ms → s) and whether it wrote a new reply. Every gateway node reads every event; a SET NX marker
 * per job makes exactly one node count it, so summing over nodes stays correct.
 *
 * The stream is BullMQ's own (`queue.keys.events`, documented as the source of QueueEvents), read
 * here in batches every OBSERVE_INTERVAL_MS instead of through a QueueEvents, whose blocking XREAD
 * returns per event: about three reads and a marker write per message, a quarter of the gateway's
 * socket writes under load (issue 18). Now one read and one pipelined write of markers per batch.
 */
export function observeQueue(
  deps: Pick<GatewayDeps, 'queue' | 'redis' | 'keys' | 'metrics' | 'logger'>,
  { intervalMs = OBSERVE_INTERVAL_MS, batch = BATCH }: { intervalMs?: number; batch?: number } = {},
) {
  const stream: string = deps.queue.keys.events ?? `${deps.queue.qualifiedName}:events`;
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  async function count(events: QueueEvent[]) {
    const finished = events.filter((e) => e.jobId && (e.event === 'completed' || e.event === 'failed'));
    if (!finished.length) return;
    const claims = deps.redis.pipeline();
    for (const e of finished) claims.set(deps.keys.jobCounted(e.event === 'completed' ? 'done' : 'failed', e.jobId!), '1', 'EX', COUNTED_TTL_S, 'NX');
    const won = (await claims.exec()) ?? [];
    finished.forEach((e, i) => {
      const [err, reply] = won[i] ?? [];
      if (err || reply !== 'OK') return;
      if (e.event === 'failed') return void deps.metrics.jobsFailed.inc();
      // Redis is a trust boundary like any other: a value that is not a job result counts nothing.
      const rv = MessageJobResult.safeParse(safeJson(e.returnvalue)).data;
      if (rv?.latencyMs !== undefined) deps.metrics.processingSeconds.observe(rv.latencyMs / 1000);
      if (rv?.replyId && !rv.duplicate) deps.metrics.messagesOut.inc({ source: 'worker' });
    });
  }

  /** The newest entry's id, so a (re)started gateway counts what finishes from now on. */
  async function newestId(): Promise<string> {
    const [last] = (await deps.redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as Entry[];
    return last?.[0] ?? '0-0';
  }

  async function loop() {
    let lastId: string | undefined;
    while (running) {
      let full = false;
      try {
        lastId ??= await newestId();
        const res = (await deps.redis.xread('COUNT', batch, 'STREAMS', stream, lastId)) as [string, Entry[]][] | null;
        const entries = res?.[0]?.[1] ?? [];
        if (entries.length) {
          lastId = entries[entries.length - 1]![0];
          await count(entries.map(([, fields]) => fieldsToEvent(fields)));
        }
        full = entries.length === batch;
      } catch (err) {
        if (running) deps.logger.debug({ err }, 'queue metrics read skipped');
      }
      if (running && !full) await new Promise<void>((resolve) => ((wake = resolve), (timer = setTimeout(resolve, intervalMs))));
    }
  }
  void loop();
  return () => {
    running = false;
    clearTimeout(timer);
    wake?.();
  };
}

function fieldsToEvent(fields: string[]): QueueEvent {
  const e: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) e[fields[i]!] = fields[i + 1]!;
  return e;
}

function safeJson(s: string | undefined): unknown {
  if (s === undefined) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
