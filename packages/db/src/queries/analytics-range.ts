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

/** An AI-owned conversation with no message for this long counts as resolved by the AI (default, minutes). */
export const DEFAULT_AI_IDLE_MIN = 30;

/** What every range metric needs besides the window: "now" (for idle AI conversations) and the idle limit. */
export interface MetricClock {
  now: Date;
  /** Minutes without a message after which an AI-owned conversation is resolved by the AI. */
  aiIdleMin: number;
}

/**
 * The conversations the dashboard counts, as alias `c`: started in the window and with at least one
 * customer message. Opening the widget creates a row before anyone types; until the customer writes,
 * it is not a conversation in any metric (one probe of messages_conversation_seq_uq per row).
 */
export const countedConversation = (r: Range): SQL =>
  sql`${inRange(sql`c.created_at`, r)} and exists (select 1 from messages m where m.conversation_id = c.id and m.role = 'customer')`;

/** Same test for an event's conversation (alias `e`): skip events of conversations nobody typed in. */
export const eventOfCountedConversation: SQL = sql`exists (select 1 from messages m where m.conversation_id = e.conversation_id and m.role = 'customer')`;

/**
 * AI containment, per conversation `c` (a counted one): the AI answered (an ai_reply event) and it never
 * went to a person (no escalation reason, never handled by a human). `resolved` adds: closed, or
 * still with the AI and idle for `aiIdleMin` minutes at `now` (nobody closes a chat the customer left).
 */
export function containment(clock: MetricClock) {
  const answered = sql`exists (select 1 from conversation_events x where x.type = 'ai_reply' and x.conversation_id = c.id)`;
  const contained = sql`(not c.handled_by_human and c.escalation_reason is null and ${answered})`;
  const idleSince = sql`${ts(clock.now)} - make_interval(mins => ${clock.aiIdleMin})`;
  const resolved = sql`(${contained} and (c.status = 'resolved' or (c.status = 'bot' and c.last_message_at <= ${idleSince})))`;
  return { contained, resolved };
}
