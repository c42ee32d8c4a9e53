import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index';

export type Db = ReturnType<typeof drizzle<typeof schema>>;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries accept a transaction too, so a caller can group several writes (e.g. an AI turn) in one. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

export interface DbOptions {
  /** Pool size; one pool per process (never a connection per message). */
  max?: number;
  /** Postgres schema to use (tests isolate themselves with a unique schema). */
  searchPath?: string;
}

export function createDb(url: string, opts: DbOptions = {}): DbHandle {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connection: opts.searchPath ? { search_path: opts.searchPath } : undefined,
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
