import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inRange, rowsOf, type Range } from './analytics-range';

/**
 * Messages written in the window: an index-only count on messages_created_idx. (Conversations
 * started come from the outcome scan; per-role counts are in the `messages` time series.)
 */
export async function messageCount(db: Db, r: Range): Promise<number> {
  const [row] = await rowsOf<{ messages: number }>(
    db,
    sql`select count(*)::int as "messages" from messages where ${inRange(sql`created_at`, r)}`,
  );
  return row!.messages;
}

export interface HourCell {
  /** 0 = Monday … 6 = Sunday (ISO), UTC. */
  dow: number;
  /** 0–23, UTC. */
  hour: number;
  count: number;
}

/** Conversations started per weekday × hour (UTC): the busiest-hours heat map (index-only). Empty cells are omitted. */
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
