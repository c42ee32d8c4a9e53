// Issue 18: the hot path's statements are prepared once per connection, not parsed and planned on
// every call (drizzle's db.execute sends them unnamed). One connection, so what it prepared is
// what pg_prepared_statements shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { sql } from 'drizzle-orm';
import type { DbHandle } from './client';
import { migratedTestDb } from './testing';
import { executePrepared } from './prepared';
import { createConversation } from './queries/conversations';
import { appendCustomerMessage } from './queries/customer-message';
import { loadTurnContext } from './queries/turn-context';
import { insertAiReply } from './queries/ai-reply';

let dbh: DbHandle;
let dispose: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dbh, dispose } = await migratedTestDb(TEST_PG_ADMIN_URL, uniqueName('prepared'), { max: 1 }));
});
afterAll(() => dispose());

/** The prepared statements of the (only) connection whose text starts with `prefix`. */
const preparedLike = async (prefix: string) => {
  const rows = await dbh.sql<{ statement: string }[]>`select statement from pg_prepared_statements`;
  return rows.filter((r) => r.statement.replace(/\s+/g, ' ').trim().startsWith(prefix));
};

describe('executePrepared', () => {
  it('prepares a statement once and reuses it with other values', async () => {
    const a = await executePrepared<{ n: number }>(dbh.db, sql`select ${1}::int + 1 as n -- prepared-probe`);
    const b = await executePrepared<{ n: number }>(dbh.db, sql`select ${41}::int + 1 as n -- prepared-probe`);
    expect([a[0]!.n, b[0]!.n]).toEqual([2, 42]);
    expect(await preparedLike('select $1::int + 1 as n -- prepared-probe')).toHaveLength(1);
  });

  it('runs inside a transaction on its connection', async () => {
    const n = await dbh.db.transaction(async (tx) => (await executePrepared<{ n: number }>(tx, sql`select ${5}::int as n`))[0]!.n);
    expect(n).toBe(5);
  });

  it("is what the turn's three statements use: ingest, context read and the AI's commit", async () => {
    const c = await createConversation(dbh.db, { siteKey: 'demo-site' });
    const stored = await appendCustomerMessage(dbh.db, { conversationId: c.id, clientMessageId: 'p-1', text: 'hi' });
    if (stored.kind !== 'stored') throw new Error(stored.kind);
    const ctx = await loadTurnContext(dbh.db, c.id, stored.message.id);
    expect(ctx.message?.text).toBe('hi');
    const reply = await insertAiReply(dbh.db, {
      reply: { conversationId: c.id, role: 'bot', text: 'hello', replyTo: stored.message.id },
      events: [],
      onlyIfStatusIn: ['bot'],
    });
    expect(reply?.text).toBe('hello');
    const bump = 'with conv as ( update conversations set last_seq = last_seq + 1, last_message_at = now() where id = $1';
    for (const start of [`${bump} returning id, last_seq, status`, 'with c as ( select c.status', `${bump} and not exists`]) {
      expect((await preparedLike(start)).length, start).toBeGreaterThanOrEqual(1);
    }
  });
});
