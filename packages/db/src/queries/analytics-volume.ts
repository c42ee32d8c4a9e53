import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inRange, rowsOf, type Range } from './analytics-range';

export interface VolumeTotals {
  conversations: number;
  messages: number;
  customerMessages: number;
}

/** Conversations started and messages written in the window (index range scans on created_at). */
export async function volumeTotals(db: Db, r: Range): Promise<VolumeTotals> {
  const [row] = await rowsOf<VolumeTotals>(
    db,
    sql`select
      (select count(*)::int from conversations where ${inRange(sql`created_at`, r)}) as "conversations",
      (select count(*)::int from messages where ${inRange(sql`created_at`, r)}) as "messages",
      (select count(*)::int from messages where role = 'customer' and ${inRange(sql`created_at`, r)}) as "customerMessages"`,
  );
  return row!;
}

export interface HourCell {
  /** 0 = Monday … 6 = Sunday (ISO), UTC. */
  dow: number;
  /** 0–23, UTC. */
  hour: number;
  count: number;
}

/** Conversations started per weekday × hour (UTC): the busiest-hours heat map. Empty cells are omitted. */
export async function busiestHours(db: Db, r: Range): Promise<HourCell[]> {
  return rowsOf<HourCell>(
    db,
    sql`select (extract(isodow from created_at at time zone 'UTC')::int - 1) as "dow",
               extract(hour from created_at at time zone 'UTC')::int as "hour",
               count(*)::int as "count"
        from conversations where ${inRange(sql`created_at`, r)}
        group by 1, 2 order by 1, 2`,
  );
}
