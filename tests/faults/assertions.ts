import postgres, { type Sql } from 'postgres';
import { expect } from 'vitest';
import type { StreamStats } from './customer-stream';

/** The durable truth: how many of these customer messages have exactly one bot reply row. */
export async function repliesPerMessage(sql: Sql, messageIds: string[]) {
  const rows = await sql<{ n: number }[]>`
    select count(r.id)::int as n
    from unnest(${messageIds}::uuid[]) as m(id)
    left join messages r on r.reply_to = m.id and r.role = 'bot'
    group by m.id`;
  return { messages: rows.length, withOneReply: rows.filter((r) => r.n === 1).length };
}

/** For a failing fault test: what Postgres knows about messages that got no reply. */
export async function describeLost(sql: Sql, messageIds: string[]) {
  if (!messageIds.length) return [];
  return sql`
    select m.id, m.seq, m.created_at, c.status, c.escalation_reason,
      (select count(*)::int from messages r where r.reply_to = m.id) as replies,
      (select json_agg(json_build_object('seq', b.seq, 'role', b.role, 'replyTo', b.reply_to, 'text', left(b.text, 60), 'details', b.details->'failed') order by b.seq)
         from messages b where b.conversation_id = m.conversation_id) as transcript
    from messages m join conversations c on c.id = m.conversation_id
    where m.id = any(${messageIds}::uuid[])`;
}

/**
 * The end state every fault test checks: nothing left unacked, nothing lost, nothing answered twice,
 * and Postgres agrees (each acked message has exactly one bot reply row). Prints the figures.
 */
export async function expectExactlyOneReplyEach(name: string, dbUrl: string, stats: StreamStats, ackedIds: string[]) {
  console.log(`fault:${name} ${JSON.stringify({ ...stats, lost: stats.lost.length })}`);
  const sql = postgres(dbUrl, { max: 1 });
  try {
    if (stats.lost.length) console.log('lost:', JSON.stringify(await describeLost(sql, stats.lost)));
    expect(stats.unacked).toBe(0);
    expect(stats.lost).toEqual([]);
    expect(stats.duplicates).toBe(0);
    expect(await repliesPerMessage(sql, ackedIds)).toEqual({ messages: stats.acked, withOneReply: stats.acked });
  } finally {
    await sql.end();
  }
}
