import type { Sql } from 'postgres';

export async function waitFor(cond: () => boolean, timeoutMs: number, label = 'condition') {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`${label} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

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
