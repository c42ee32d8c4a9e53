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
  // Grouping on whole hours since the epoch avoids a time-zone conversion per row (UTC by
  // construction); weekday and hour come from the ≤ 8,784 groups. 1970-01-01 was a Thursday (ISO 3).
  return rowsOf<HourCell>(
    db,
    sql`select ((h / 24 + 3) % 7)::int as "dow", (h % 24)::int as "hour", sum(n)::int as "count"
        from (
          select floor(extract(epoch from created_at) / 3600)::bigint as h, count(*) as n
          from conversations where ${inRange(sql`created_at`, r)}
          group by 1
        ) g
        group by 1, 2 order by 1, 2`,
  );
}
