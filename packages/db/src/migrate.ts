import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Db } from './client';

/** Folder of drizzle-kit generated SQL; overridable because bundled apps live elsewhere. */
export const defaultMigrationsFolder = () =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../drizzle');

export async function runMigrations(db: Db, migrationsFolder = defaultMigrationsFolder(), schema?: string) {
  await migrate(db, { migrationsFolder, migrationsSchema: schema, migrationsTable: '__migrations' });
}
