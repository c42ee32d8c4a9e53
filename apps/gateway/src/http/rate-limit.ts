import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '@em/contracts/errors';
import { LoginRequest } from '@em/contracts/rest';
import type { GatewayDeps } from '../deps';

/** The client's IP as every per-IP limit sees it (req.ip honours TRUST_PROXY only). */
export const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';
const retryAfter = (res: Response, err: unknown) => {
  const retryMs = err instanceof AppError ? (err.details as { retryAfterMs?: number } | undefined)?.retryAfterMs : undefined;
  if (retryMs) res.setHeader('Retry-After', String(Math.ceil(retryMs / 1000)));
};

/**
 * POST /api/auth/login: each attempt spends the client IP's sign-in budget and, when the body is a
 * well-formed sign-in, the account's. The login route itself settles a success (loginSucceeded)
 * before it answers: its own IP point back, its own account's failures cleared, nothing else, so one
 * account's success never buys guesses at another (issue 15, finding 3).
 */
export function guardLogin(deps: Pick<GatewayDeps, 'limits'>): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const body = LoginRequest.safeParse(req.body);
    const account = body.success ? body.data.email : undefined;
    (async () => {
      await deps.limits.take('login_ip', ipOf(req));
      if (account) await deps.limits.take('login_account', account);
    })().then(
      () => next(),
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
