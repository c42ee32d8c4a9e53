import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per gateway (tests get an isolated one). Names follow Prometheus
 * conventions: counters end in _total, durations are in seconds.
 */
export function createMetrics(opts: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'em_gateway_' });
  return {
    registry,
    connections: new Gauge({ name: 'em_chat_connections', help: 'Open /chat sockets on this gateway node', registers: [registry] }),
    connectionsRefused: new Counter({
      name: 'em_chat_connections_refused_total',
      help: '/chat handshakes refused, by error code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    disconnects: new Counter({
      name: 'em_chat_disconnects_total',
      help: 'Closed /chat sockets by Socket.IO reason (an over-16 KB frame shows as "transport error")',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    messagesIn: new Counter({ name: 'em_chat_messages_in_total', help: 'Customer messages accepted (not duplicates)', registers: [registry] }),
    messagesOut: new Counter({
      name: 'em_chat_messages_out_total',
      help: 'Messages sent to customers: source=gateway (echoes, notices) or worker (bot replies, counted once cluster-wide)',
      labelNames: ['source'] as const,
      registers: [registry],
    }),
    acks: new Counter({
      name: 'em_chat_acks_total',
      help: 'Acks sent, by event and code (ok or an error code)',
      labelNames: ['event', 'code'] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: 'em_rate_limited_total',
      help: 'Requests refused with rate_limited, by limiter',
      labelNames: ['limiter'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'em_queue_depth',
      help: 'Jobs in the messages queue by state (sampled at scrape time)',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    jobsFailed: new Counter({ name: 'em_queue_jobs_failed_total', help: 'Message jobs that failed (counted once cluster-wide)', registers: [registry] }),
    processingSeconds: new Histogram({
      name: 'em_message_processing_seconds',
      help: 'Enqueue → reply written (BullMQ job.timestamp → finishedOn), seconds',
      // Offline model answers in ms; a network LLM in seconds; the hard deadline is 120 s.
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
