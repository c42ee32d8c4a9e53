import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { countedConversation, rowsOf, type Range } from './analytics-range';

export interface HourCell {
  /** 0 = Monday … 6 = Sunday (ISO), UTC. */
  dow: number;
  /** 0–23, UTC. */
  hour: number;
  count: number;
}

/** Counted conversations (with a customer message) started per weekday × hour (UTC): the busiest-hours heat map. Empty cells are omitted. */
export async function busiestHours(db: Db, r: Range): Promise<HourCell[]> {
  // Grouping on whole hours since the epoch avoids a time-zone conversion per row (UTC by
  // construction); weekday and hour come from the ≤ 8,784 groups. 1970-01-01 was a Thursday (ISO 3).
  return rowsOf<HourCell>(
    db,
    sql`select ((h / 24 + 3) % 7)::int as "dow", (h % 24)::int as "hour", sum(n)::int as "count"
        from (
          select floor(extract(epoch from c.created_at) / 3600)::bigint as h, count(*) as n
          from conversations c where ${countedConversation(r)}
          group by 1
        ) g
        group by 1, 2 order by 1, 2`,
  );
}

/**
 * Counted conversations by language: the language the AI read in the customer's first message it
 * could tell (messages.language, ISO 639-1); `unknown` when no message said (too short, or not yet
 * answered). Most common first.
 */
export async function conversationsByLanguage(db: Db, r: Range): Promise<{ language: string; conversations: number }[]> {
  return rowsOf<{ language: string; conversations: number }>(
    db,
    sql`select coalesce((select m.language from messages m
                         where m.conversation_id = c.id and m.role = 'customer' and m.language is not null
                         order by m.seq limit 1), 'unknown') as "language",
               count(*)::int as "conversations"
        from conversations c where ${countedConversation(r)}
        group by 1 order by 2 desc, 1`,
  );
}
