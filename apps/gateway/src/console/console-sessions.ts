import type { Db } from '@em/db/client';
import type { ConsoleRole } from '@em/db/queries/users';
import type { ConsoleClaims } from './console-tokens';

/**
 * Console token revocation (issue 15, finding 7). Every token carries the user's token_version at
 * sign-in; each use compares it with the row, so raising the version (logout, password change, role
 * change, deactivation) revokes every earlier token at once instead of after its 12 h expiry.
 *
 * Raw parameterised SQL through the db's own postgres.js client: the gateway does not depend on
 * drizzle-orm itself, and these two statements are all the revocation needs.
 */
export interface ConsoleSessionUser {
  id: string;
  name: string;
  role: ConsoleRole;
  active: boolean;
  tokenVersion: number;
}

export async function consoleSessionUser(db: Db, userId: string): Promise<ConsoleSessionUser | null> {
  const [row] = await db.$client<{ id: string; name: string; role: string; active: boolean; token_version: number }[]>`
    select id, name, role, active, token_version from console_users where id = ${userId}`;
  return row ? { id: row.id, name: row.name, role: row.role === 'admin' ? 'admin' : 'agent', active: row.active, tokenVersion: row.token_version } : null;
}

/** Revokes every console token of the user; returns the new version (null: no such user). */
export async function revokeConsoleTokens(db: Db, userId: string): Promise<number | null> {
  const [row] = await db.$client<{ token_version: number }[]>`
    update console_users set token_version = token_version + 1 where id = ${userId} returning token_version`;
  return row?.token_version ?? null;
}

/** The signed-in user as of now, or null when the token was revoked or the account is inactive. */
export async function currentConsoleUser(db: Db, claims: ConsoleClaims): Promise<ConsoleSessionUser | null> {
  const user = await consoleSessionUser(db, claims.userId);
  return user?.active && user.tokenVersion === claims.tokenVersion ? user : null;
}
