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
