import path from 'node:path';
import { createDb } from '@em/db/client';
import { runMigrations } from '@em/db/migrate';
import { seed } from '@em/db/seed';
import { repoRoot } from './services';

export async function migrateAndSeed(url: string) {
  const h = createDb(url, { max: 1 });
  try {
    await runMigrations(h.db, path.join(repoRoot, 'packages/db/drizzle'));
    return await seed(h.db);
  } finally {
    await h.close();
  }
}

export { createDatabase, dropDatabase } from '@em/db/testing';
