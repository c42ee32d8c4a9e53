import type { z } from 'zod';
import { AppError, fail, ok, type Result } from '@em/contracts/errors';
import { MAX_MESSAGE_CHARS } from '@em/contracts/schemas';
import type { GatewayDeps } from './deps';

/** zod at the boundary; an over-long text gets its own code so the widget can say why. */
export function parsePayload<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const tooLong = r.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'text');
  if (tooLong) throw new AppError('message_too_long', `Messages can be at most ${MAX_MESSAGE_CHARS} characters.`);
  throw new AppError('invalid_payload', 'The request was not understood.');
}

/**
 * Wraps a socket handler of either namespace (/chat and /agents): rate-limits first (cheapest refusal), validates, maps errors to DESIGN's codes,
 * counts every ack by code, and never lets one socket crash the process. A client that sends only
 * a callback (no payload) still gets `invalid_payload` back on that callback.
 */
export function withAck<T>(
  deps: Pick<GatewayDeps, 'logger' | 'metrics'>,
  event: string,
  limit: () => Promise<void>,
  fn: (payload: unknown) => Promise<T>,
) {
  return async (payload: unknown, ack?: unknown) => {
    const cb = typeof ack === 'function' ? ack : typeof payload === 'function' ? payload : undefined;
    const reply = (r: Result<T>) => {
      deps.metrics.acks.inc({ event, code: r.ok ? 'ok' : r.error.code });
      if (cb) (cb as (r: Result<T>) => void)(r);
    };
    try {
      await limit();
      if (typeof payload === 'function') throw new AppError('invalid_payload', 'The request was not understood.');
      reply(ok(await fn(payload)));
    } catch (err) {
      if (!(err instanceof AppError)) deps.logger.error({ err, event }, 'socket handler failed');
      reply(fail(err));
    }
  };
}
