import { z } from 'zod';
import { createHs256Codec } from '../jwt';
import type { ConsoleRole } from '@em/db/queries/users';

/** A console session: who the agent is and what they may do. */
export interface ConsoleClaims {
  userId: string;
  role: ConsoleRole;
  name: string;
  /** console_users.token_version when signed; a raised version revokes the token (console-sessions.ts). */
  tokenVersion: number;
}

const Claims = z.object({ sub: z.string().uuid(), role: z.enum(['agent', 'admin']), name: z.string(), tv: z.number().int().min(0) });

/** A working shift; the agent logs in again after it. */
export const CONSOLE_TTL_S = 12 * 3600;
export const CONSOLE_COOKIE = 'em_console';

/** HS256 console tokens, audience-separated from widget session tokens so neither can stand in for the other. */
export function createConsoleTokens(secret: string, ttlSeconds = CONSOLE_TTL_S) {
  const codec = createHs256Codec({ secret, audience: 'em-console', ttlSeconds });
  return {
    ttlSeconds,
    sign(c: ConsoleClaims): Promise<string> {
      return codec.sign(c.userId, { role: c.role, name: c.name, tv: c.tokenVersion });
    },
    /** null for anything forged, expired, of another algorithm or audience. */
    async verify(token: string): Promise<ConsoleClaims | null> {
      const c = Claims.safeParse(await codec.verify(token));
      return c.success ? { userId: c.data.sub, role: c.data.role, name: c.data.name, tokenVersion: c.data.tv } : null;
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
