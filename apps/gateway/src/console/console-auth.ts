import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { AppError } from '@em/contracts/errors';
import { LoginRequest, type LoginResponse, type MeResponse } from '@em/contracts/rest';
import { verifyPassword } from '@em/db/password';
import { getConsoleUser, getConsoleUserForLogin, type ConsoleRole } from '@em/db/queries/users';
import { consoleSessionUser, currentConsoleUser, revokeConsoleTokens } from './console-sessions';
import { CONSOLE_USERS } from '@em/db/seed/fixtures';
import type { GatewayDeps } from '../deps';
import { CONSOLE_COOKIE, tokenFromRequest, type ConsoleClaims } from './console-tokens';
import { consoleOriginAllowed } from '../http/origin-check';
import { ipOf } from '../http/rate-limit';

/** The sign-in body; defined in @em/contracts/rest with the responses (http/rate-limit.ts reads it too). */
export const LoginBody = LoginRequest;

/** The signed-in console user, set by requireConsole (kept in res.locals: no global type augmentation). */
export function consoleUserOf(res: Response): ConsoleClaims {
  const user = (res.locals as { consoleUser?: ConsoleClaims }).consoleUser;
  if (!user) throw new AppError('unauthorized', 'Sign in to the console first.');
  return user;
}

/**
 * Console auth for everything under /api (except login) and /admin.
 * The token is re-checked against the user row: a deactivated agent, or a token revoked by logout,
 * a password or a role change (console-sessions.ts), is locked out at once.
 */
export function requireConsole(deps: ConsoleAuthDeps, role: ConsoleRole = 'agent'): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      refuseCrossSiteCookie(deps, req);
      const token = tokenFromRequest(req.headers);
      const claims = token ? await deps.consoleTokens.verify(token) : null;
      if (!claims) throw new AppError('unauthorized', 'Sign in to the console first.');
      const user = await currentConsoleUser(deps.db, claims);
      if (!user) throw new AppError('unauthorized', 'This console session has ended: sign in again.');
      if (role === 'admin' && user.role !== 'admin') throw new AppError('forbidden', 'Only admins may do this.');
      res.locals.consoleUser = { userId: user.id, role: user.role, name: user.name, tokenVersion: user.tokenVersion } satisfies ConsoleClaims;
    })().then(() => next(), next);
  };
}

type ConsoleAuthDeps = Pick<GatewayDeps, 'db' | 'consoleTokens'> & Partial<Pick<GatewayDeps, 'platformOrigins'>>;

/**
 * The cookie rides along on same-site requests from pages that are not the console (another port,
 * a sibling subdomain): a cookie-authenticated request must come from the platform's origin. A
 * Bearer token is never attached by the browser on its own, so it needs no such check.
 */
function refuseCrossSiteCookie(deps: ConsoleAuthDeps, req: Request) {
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  if (!consoleOriginAllowed(req.headers, deps.platformOrigins)) {
    throw new AppError('forbidden', 'Cross-site requests may not use the console session.');
  }
}

/** POST /api/auth/login → { token, user }, and the same token as an httpOnly cookie for the console pages. */
export function createAuthRouter(deps: ConsoleAuthDeps & Pick<GatewayDeps, 'secureCookies' | 'refuseDemoPasswords'> & Partial<Pick<GatewayDeps, 'limits' | 'endAgentSessions'>>): Router {
  const router = Router();
  router.post('/login', async (req, res) => {
    // A page on another site has no business signing anyone in to the console (login CSRF).
    if (!consoleOriginAllowed(req.headers, deps.platformOrigins)) throw new AppError('forbidden', 'Sign in from the console itself.');
    const body = LoginBody.safeParse(req.body);
    if (!body.success) throw new AppError('invalid_payload', 'Email and password are required.');
    const found = await getConsoleUserForLogin(deps.db, body.data.email);
    // Same answer and (scrypt) cost whether the email is unknown or the password wrong.
    const valid = await verifyPassword(body.data.password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !valid || !found.user.active) throw new AppError('unauthorized', 'Wrong email or password.');
    if (deps.refuseDemoPasswords && isDemoPassword(body.data.password)) {
      throw new AppError('forbidden', 'Demo passwords are disabled in production: an admin must set a real password.');
    }
    const session = await consoleSessionUser(deps.db, found.user.id);
    if (!session) throw new AppError('unauthorized', 'Wrong email or password.');
    // Settled before answering, so the next attempt already sees it (http/rate-limit.ts guardLogin).
    await deps.limits?.loginSucceeded(ipOf(req), body.data.email);
    const { user } = found;
    const token = await deps.consoleTokens.sign({ userId: user.id, role: user.role, name: user.name, tokenVersion: session.tokenVersion });
    res.cookie(CONSOLE_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      maxAge: deps.consoleTokens.ttlSeconds * 1000,
      path: '/',
    });
    res.json({ token, user: { id: user.id, email: user.email, name: user.name, role: user.role } } satisfies LoginResponse);
  });
  // Logout revokes the token (every token of this user: console-sessions.ts), not just the cookie,
  // and is refused from another site's page, which could otherwise sign the agent out at will.
  router.post('/logout', async (req, res) => {
    if (!consoleOriginAllowed(req.headers, deps.platformOrigins)) throw new AppError('forbidden', 'Cross-site requests may not sign out of the console.');
    const token = tokenFromRequest(req.headers);
    const claims = token ? await deps.consoleTokens.verify(token) : null;
    if (claims && (await currentConsoleUser(deps.db, claims))) {
      await revokeConsoleTokens(deps.db, claims.userId);
      deps.endAgentSessions?.(claims.userId); // the user's open console tabs stop receiving at once
    }
    res.clearCookie(CONSOLE_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.secureCookies });
    res.json({ ok: true } as const);
  });
  router.get('/me', requireConsole(deps), async (_req, res) => {
    const user = await getConsoleUser(deps.db, consoleUserOf(res).userId);
    res.json({ user } satisfies MeResponse);
  });
  return router;
}

/** A valid scrypt hash of a random string: verifying against it costs the same as a real check. */
const DUMMY_HASH = 'scrypt$16384$8$1$00000000000000000000000000000000$' + '0'.repeat(128);

/** DESIGN §6: the printed demo passwords work in development only. */
export const isDemoPassword = (password: string) => CONSOLE_USERS.some((u) => u.password === password);
