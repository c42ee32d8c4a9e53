import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { hashPassword } from '../password';
import { consoleUsers } from '../schema/index';
import type { ConsoleRole, ConsoleUser } from './users';

const columns = { id: consoleUsers.id, email: consoleUsers.email, name: consoleUsers.name, role: consoleUsers.role, active: consoleUsers.active };
const toUser = (r: { id: string; email: string; name: string; role: string; active: boolean }): ConsoleUser => ({
  ...r,
  role: r.role === 'admin' ? 'admin' : 'agent',
});

/** null when the email is taken. The password is scrypt-hashed here and never returned. */
export async function createConsoleUser(db: Db, u: { email: string; name: string; role: ConsoleRole; password: string }) {
  const rows = await db
    .insert(consoleUsers)
    .values({ email: u.email.toLowerCase(), name: u.name, role: u.role, passwordHash: await hashPassword(u.password) })
    .onConflictDoNothing()
    .returning(columns);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function updateConsoleUser(
  db: Db,
  id: string,
  u: { name?: string; role?: ConsoleRole; active?: boolean; password?: string },
): Promise<ConsoleUser | null> {
  const { password, ...rest } = u;
  const set = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
  if (!Object.keys(set).length) {
    const [row] = await db.select(columns).from(consoleUsers).where(eq(consoleUsers.id, id));
    return row ? toUser(row) : null;
  }
  const rows = await db.update(consoleUsers).set(set).where(eq(consoleUsers.id, id)).returning(columns);
  return rows[0] ? toUser(rows[0]) : null;
}
