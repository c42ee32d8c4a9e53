import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';

/** A half-open time window [from, to) in UTC; every dashboard metric is computed over one. */
export interface Range {
  from: Date;
  to: Date;
}

/** A timestamptz parameter (ISO text cast in SQL, so the driver never guesses the type). */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** `col >= from AND col < to` as parameters. */
export const inRange = (col: SQL, r: Range): SQL => sql`${col} >= ${ts(r.from)} and ${col} < ${ts(r.to)}`;

/** Runs a read query and returns its rows typed by the caller (the SQL casts every column). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}

/** Ratio rounded to 4 decimals; 0 when there is nothing to divide by. */
export const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : 0);
