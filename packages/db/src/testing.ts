import postgres from 'postgres';
import { createDb, type DbHandle } from './client';
import { runMigrations } from './migrate';

/**
 * Test isolation: each suite gets a database of its own next to the one in `adminUrl`
 * (drizzle-kit's SQL names the public schema, so schemas would not isolate).
 */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * A migrated database `name` of its own for one test file, and how to drop it: the beforeAll/afterAll
 * every query suite of this package repeated.
 */
export async function migratedTestDb(adminUrl: string, name: string, opts: { max: number }): Promise<{ dbh: DbHandle; dispose: () => Promise<void> }> {
  const dbh = createDb(await createDatabase(adminUrl, name), { max: opts.max });
  await runMigrations(dbh.db);
  return {
    dbh,
    async dispose() {
      await dbh.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
