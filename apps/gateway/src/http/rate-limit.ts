import type { RequestHandler } from 'express';
import { AppError } from '@em/contracts/errors';
import type { GatewayDeps } from '../deps';

/** Per-IP request budget for /api (req.ip honours `trust proxy: loopback`); 429 + Retry-After when spent. */
export function rateLimitByIp(deps: Pick<GatewayDeps, 'limits'>): RequestHandler {
  return (req, res, next) => {
    deps.limits.take('http_ip', req.ip ?? req.socket.remoteAddress ?? 'unknown').then(
      () => next(),
      (err: unknown) => {
        const retryMs = err instanceof AppError ? (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs : undefined;
        if (retryMs) res.setHeader('Retry-After', String(Math.ceil(retryMs / 1000)));
        next(err);
      },
    );
  };
}
