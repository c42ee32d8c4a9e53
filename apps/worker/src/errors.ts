import { UnrecoverableError } from 'bullmq';

/** The job's deadline passed (AbortController reason). */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms exceeded`);
    this.name = 'DeadlineError';
  }
}

/** SIGTERM outlived the grace period: the job goes back to the queue for another worker. */
export class ShutdownError extends Error {
  constructor() {
    super('worker shutting down');
    this.name = 'ShutdownError';
  }
}

/** The job was handled for good (customer got an apology); BullMQ must not retry it. */
export class FinalFailure extends UnrecoverableError {
  constructor(message: string) {
    super(message);
    this.name = 'FinalFailure';
  }
}

/**
 * Bad job data or a message that can't exist (parseJob turns the job's ZodError into this): never
 * retried, no apology (there may be no conversation to send it to). A ZodError from inside the turn
 * (say, a model's malformed output) is not one: that customer still gets the apology.
 */
export const isValidationError = (err: unknown) => err instanceof UnrecoverableError;

// Connection-level failures of Postgres (postgres.js codes, SQLSTATE classes 08 connection,
// 40 serialization/deadlock, 53 resources, 57 operator intervention), Redis/sockets and
// network models (HTTP 408/429/5xx). Anything else is a bug or bad input: retrying won't help.
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
]);
const TRANSIENT_SQLSTATE = /^(08|40|53|57)/;

export function isTransient(err: unknown): boolean {
  for (let e = err as { code?: unknown; status?: unknown; name?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && (TRANSIENT_CODES.has(e.code) || (e.code.length === 5 && TRANSIENT_SQLSTATE.test(e.code)))) return true;
    if (typeof e.status === 'number' && (e.status === 408 || e.status === 429 || e.status >= 500)) return true;
    if (e.name === 'APIConnectionError' || e.name === 'APIConnectionTimeoutError' || e.name === 'RateLimitError') return true;
    if (typeof e.message === 'string' && /Connection is closed|Reached the max retries per request|socket hang up/i.test(e.message)) return true;
  }
  return false;
}

/**
 * BullMQ no longer holds this job for us: Redis lost it (restarted empty) or another worker took it
 * over after a stall. Not the customer's problem and not a failure to apologise for: drop it quietly;
 * Postgres still has the message, and the recovery sweeper (or the other worker) answers it once.
 */
export const isJobGone = (err: unknown) =>
  err instanceof Error && /^(Missing key|Missing lock|Lock mismatch) for job /.test(err.message);
