import { eq } from 'drizzle-orm';
import type { ConsoleUser } from '@em/contracts/rest';
import type { Db } from '../client';
import { consoleUsers } from '../schema/index';

export type { ConsoleRole, ConsoleUser } from '@em/contracts/rest';

const publicColumns = {
  id: consoleUsers.id,
  email: consoleUsers.email,
  name: consoleUsers.name,
  role: consoleUsers.role,
  active: consoleUsers.active,
};

const toUser = (r: { id: string; email: string; name: string; role: string; active: boolean }): ConsoleUser => ({
  ...r,
  role: r.role === 'admin' ? 'admin' : 'agent',
});

/** With the password hash: only the login route may call this. */
export async function getConsoleUserForLogin(db: Db, email: string) {
  const [row] = await db.select().from(consoleUsers).where(eq(consoleUsers.email, email.toLowerCase()));
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

export async function getConsoleUser(db: Db, id: string): Promise<ConsoleUser | null> {
  const [row] = await db.select(publicColumns).from(consoleUsers).where(eq(consoleUsers.id, id));
  return row ? toUser(row) : null;
}

export async function listConsoleUsers(db: Db): Promise<ConsoleUser[]> {
  const rows = await db.select(publicColumns).from(consoleUsers).orderBy(consoleUsers.name);
  return rows.map(toUser);
}
