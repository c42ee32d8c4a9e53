import type { z } from 'zod';
import { AppError, fail, ok, type Result } from '@em/contracts/errors';
import { MAX_MESSAGE_CHARS } from '@em/contracts/schemas';
import type { GatewayDeps } from '../deps';

/** zod at the boundary of every console event; an over-long reply gets its own code. */
export function parseAgentPayload<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  if (r.error.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'text')) {
    throw new AppError('message_too_long', `Messages can be at most ${MAX_MESSAGE_CHARS} characters.`);
  }
  throw new AppError('invalid_payload', 'The request was not understood.');
}

/**
 * Acks `Result<T>`, maps errors to the shared codes, logs unknown ones in full, never throws.
 * `limit` (the per-socket event budget) runs first: a runaway console can't flood the gateway.
 */
export function agentAck<T>(deps: Pick<GatewayDeps, 'logger'>, event: string, fn: (payload: unknown) => Promise<T>, limit?: () => Promise<void>) {
  return async (payload: unknown, ack?: unknown) => {
    const reply = (r: Result<T>) => (typeof ack === 'function' ? (ack as (r: Result<T>) => void)(r) : undefined);
    try {
      await limit?.();
      reply(ok(await fn(payload)));
    } catch (err) {
      if (!(err instanceof AppError)) deps.logger.error({ err, event }, 'agents handler failed');
      reply(fail(err));
    }
  };
}
