import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { inRange, rowsOf, type Range } from './analytics-range';

export interface RatingComment {
  conversationId: string;
  score: number;
  comment: string;
  /** When the customer rated (ISO). */
  at: string;
  /** Who resolved what the rating rates; null when the AI or the customer closed it. */
  agentId: string | null;
  agentName: string | null;
}

/**
 * The agent a `rated` event (alias `e`) belongs to: the agentId of the latest status_changed →
 * resolved before it. A customer who writes again after a resolve reopens the conversation (its
 * owner is cleared), so the conversation row cannot say who earned the rating; the log can.
 */
export const resolverOfRating = sql`(
  select x.data->>'agentId' from conversation_events x
  where x.conversation_id = e.conversation_id and x.type = 'status_changed' and x.status = 'resolved' and x.id < e.id
  order by x.id desc limit 1)`;

/**
 * Ratings with a comment written in [from, to), newest first (events_type_time_idx). `agentId`
 * keeps only the ratings of conversations that agent resolved (an agent sees their own).
 */
export async function recentRatingComments(db: Db, r: Range, opts: { limit: number; agentId?: string }): Promise<RatingComment[]> {
  const rows = await rowsOf<RatingComment & { at: Date | string }>(
    db,
    sql`select * from (
          select e.conversation_id::text as "conversationId", (e.data->>'score')::int as "score",
                 e.data->>'comment' as "comment", e.created_at as "at", e.id as "eventId",
                 ${resolverOfRating} as "agentId"
          from conversation_events e
          where e.type = 'rated' and ${inRange(sql`e.created_at`, r)} and coalesce(btrim(e.data->>'comment'), '') <> ''
        ) x
        left join lateral (select u.name as "agentName" from console_users u where u.id::text = x."agentId") u on true
        where ${opts.agentId ? sql`x."agentId" = ${opts.agentId}` : sql`true`}
        order by x."at" desc, x."eventId" desc
        limit ${opts.limit}`,
  );
  return rows.map(({ eventId: _id, ...x }: RatingComment & { at: Date | string; eventId?: unknown }) => ({
    ...x,
    at: new Date(x.at).toISOString(),
  }));
}
