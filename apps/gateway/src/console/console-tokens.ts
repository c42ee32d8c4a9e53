import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import type { ConsoleRole } from '@em/db/queries/users';

/** A console session: who the agent is and what they may do. */
export interface ConsoleClaims {
  userId: string;
  role: ConsoleRole;
  name: string;
}

const Claims = z.object({ sub: z.string().uuid(), role: z.enum(['agent', 'admin']), name: z.string() });

/** A working shift; the agent logs in again after it. */
export const CONSOLE_TTL_S = 12 * 3600;
export const CONSOLE_COOKIE = 'em_console';

/** HS256 console tokens, audience-separated from widget session tokens so neither can stand in for the other. */
export function createConsoleTokens(secret: string, ttlSeconds = CONSOLE_TTL_S) {
  const key = new TextEncoder().encode(secret);
  return {
    ttlSeconds,
    async sign(c: ConsoleClaims): Promise<string> {
      return new SignJWT({ role: c.role, name: c.name })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .setAudience('em-console')
        .sign(key);
    },
    /** null for anything forged, expired, of another algorithm or audience. */
    async verify(token: string): Promise<ConsoleClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: 'em-console' });
        const c = Claims.parse(payload);
        return { userId: c.sub, role: c.role, name: c.name };
      } catch {
        return null;
      }
    },
  };
}
export type ConsoleTokens = ReturnType<typeof createConsoleTokens>;

/** Reads the token from `Authorization: Bearer …` or the httpOnly console cookie. */
export function tokenFromRequest(headers: { authorization?: string; cookie?: string }): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const cookie = headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${CONSOLE_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(CONSOLE_COOKIE.length + 1)) || null : null;
}
