import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@em/contracts/errors';
import type { GatewayDeps } from '../deps';

const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
const retryAfter = (res: Response, err: unknown) => {
  const retryMs = err instanceof AppError ? (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs : undefined;
  if (retryMs) res.setHeader('Retry-After', String(Math.ceil(retryMs / 1000)));
};

/** POST /api/auth/login: each attempt spends the IP's sign-in budget; a 200 refills it. */
export function guardLogin(deps: Pick<GatewayDeps, 'limits'>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const ip = ipOf(req);
    deps.limits.take('login_ip', ip).then(
      () => {
        res.once('finish', () => {
          if (res.statusCode === 200) void deps.limits.loginSucceeded(ip);
        });
        next();
      },
      (err: unknown) => {
        retryAfter(res, err);
        next(err);
      },
    );
  };
}

/** Per-IP request budget for /api (req.ip believes X-Forwarded-For only from TRUST_PROXY); 429 + Retry-After when spent. */
export function rateLimitByIp(deps: Pick<GatewayDeps, 'limits'>): RequestHandler {
  return (req, res, next) => {
    deps.limits.take('http_ip', ipOf(req)).then(
      () => next(),
      (err: unknown) => {
        retryAfter(res, err);
        next(err);
      },
    );
  };
}
