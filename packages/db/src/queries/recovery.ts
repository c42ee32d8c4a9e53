import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export interface UnansweredMessage {
  messageId: string;
  conversationId: string;
  seq: number;
}

/**
 * Customer messages the AI still owes an answer for, for the worker's recovery sweeper: older than
 * `minAgeS` seconds (a live job normally answers well before), younger than `maxAgeS` (the live
 * session window), in a conversation the bot owns, written since its last ownership change, and
 * without a reply. Postgres is the record of what was accepted, so this survives losing Redis.
 */
export async function findUnansweredMessages(
  db: Db,
  opts: { minAgeS: number; maxAgeS: number; limit: number },
): Promise<UnansweredMessage[]> {
  const rows = await db.execute<{ id: string; conversation_id: string; seq: number }>(sql`
    select m.id, m.conversation_id, m.seq
    from messages m
    join conversations c on c.id = m.conversation_id and c.status = 'bot'
    where m.role = 'customer'
      and m.created_at < now() - make_interval(secs => ${opts.minAgeS})
      and m.created_at > now() - make_interval(secs => ${opts.maxAgeS})
      and not exists (select 1 from messages r where r.reply_to = m.id)
      and m.created_at > coalesce(
        (select max(e.created_at) from conversation_events e
          where e.conversation_id = m.conversation_id and e.type = 'status_changed'),
        '-infinity'::timestamptz)
    order by m.created_at, m.seq
    limit ${opts.limit}`);
  return rows.map((r) => ({ messageId: r.id, conversationId: r.conversation_id, seq: Number(r.seq) }));
}
