// The database half of "exactly one reply per customer message" and "a person who takes the chat
// wins": commitTurn against a real, migrated Postgres (the unique index on reply_to lives in the
// drizzle SQL, so dropping it from the migration fails these tests).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '../client';
import { runMigrations } from '../migrate';
import { createDatabase, dropDatabase } from '../testing';
import { appendMessage, createConversation, setStatus } from './conversations';
import { commitTurn, firstUnansweredBefore } from './worker-turns';

const dbName = uniqueName('wturns');
let dbh: DbHandle;

beforeAll(async () => {
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 6 });
  await runMigrations(dbh.db);
});
afterAll(async () => {
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

async function customerMessage(text = 'Where is my order?') {
  const conv = await createConversation(dbh.db, { siteKey: 'demo-site' });
  const msg = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text, clientMessageId: randomUUID() }))!;
  return { conv, msg };
}
const turn = (conversationId: string, replyTo: string, text = 'Here is your answer.') => ({
  reply: { id: randomUUID(), conversationId, role: 'bot' as const, agent: 'support' as const, text, replyTo },
  aiReply: { domain: 'support' as const, confidence: 0.9, agent: 'support' as const, sentiment: 'neutral' as const, clarifying: false, handoffs: 0, ms: 5 },
});
async function botRows(replyTo: string) {
  return dbh.sql<{ id: string }[]>`select id from messages where reply_to = ${replyTo} and role = 'bot'`;
}
async function events(conversationId: string, type: string) {
  const [row] = await dbh.sql<{ n: number }[]>`select count(*)::int as n from conversation_events where conversation_id = ${conversationId} and type = ${type}`;
  return row!.n;
}

describe('commitTurn: one reply per customer message', () => {
  it('a second commit for the same message is a duplicate and writes nothing', async () => {
    const { conv, msg } = await customerMessage();
    const first = await commitTurn(dbh.db, turn(conv.id, msg.id));
    expect(first.kind).toBe('stored');
    const second = await commitTurn(dbh.db, turn(conv.id, msg.id, 'A different answer.'));
    expect(second).toEqual({ kind: 'duplicate' });
    expect((await botRows(msg.id)).map((r) => r.id)).toEqual([first.kind === 'stored' && first.reply.id]);
    expect(await events(conv.id, 'ai_reply')).toBe(1); // the loser's analytics rolled back with it
  });

  it('two concurrent commits for the same message: exactly one is stored, seq stays gap-free', async () => {
    const { conv, msg } = await customerMessage();
    const results = await Promise.all([1, 2, 3].map((i) => commitTurn(dbh.db, turn(conv.id, msg.id, `answer ${i}`))));
    expect(results.filter((r) => r.kind === 'stored')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(2);
    expect(await botRows(msg.id)).toHaveLength(1);
    const seqs = await dbh.sql<{ seq: number }[]>`select seq from messages where conversation_id = ${conv.id} order by seq`;
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2]);
  });
});

describe('commitTurn: the owner at commit time decides', () => {
  for (const status of ['waiting_human', 'human'] as const) {
    it(`a conversation that became ${status} during the turn gets no bot row and no ai_reply`, async () => {
      const { conv, msg } = await customerMessage();
      await setStatus(dbh.db, conv.id, status, { reason: 'customer_request' });
      expect(await commitTurn(dbh.db, turn(conv.id, msg.id))).toEqual({ kind: 'not_owner', status });
      expect(await botRows(msg.id)).toHaveLength(0);
      expect(await events(conv.id, 'ai_reply')).toBe(0);
    });
  }

  it('a resolved conversation the customer wrote to again goes back to the bot', async () => {
    const { conv, msg } = await customerMessage();
    await setStatus(dbh.db, conv.id, 'resolved');
    expect((await commitTurn(dbh.db, turn(conv.id, msg.id))).kind).toBe('stored');
    const [row] = await dbh.sql<{ status: string }[]>`select status from conversations where id = ${conv.id}`;
    expect(row!.status).toBe('bot');
    const [event] = await dbh.sql<{ data: unknown }[]>`
      select data from conversation_events where conversation_id = ${conv.id} and type = 'status_changed' order by created_at desc, id desc limit 1`;
    expect(event!.data).toEqual({ status: 'bot', reason: 'customer_wrote_again' });
  });

  it('a turn for a conversation that does not exist fails loudly', async () => {
    const id = randomUUID();
    await expect(commitTurn(dbh.db, turn(id, randomUUID()))).rejects.toThrow(`conversation ${id} not found`);
  });
});

describe('firstUnansweredBefore: the ordering rule counts only the current ownership era', () => {
  it('an unanswered message of the bot era blocks later ones', async () => {
    const { conv, msg } = await customerMessage();
    const next = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'and another thing' }))!;
    expect(await firstUnansweredBefore(dbh.db, conv.id, next.seq)).toEqual({ id: msg.id, seq: msg.seq });
    await commitTurn(dbh.db, turn(conv.id, msg.id));
    expect(await firstUnansweredBefore(dbh.db, conv.id, next.seq)).toBeNull();
  });

  it('messages written while a person owned the chat never block the AI after a hand-back', async () => {
    const { conv } = await customerMessage();
    await commitTurn(dbh.db, turn(conv.id, (await dbh.sql<{ id: string }[]>`select id from messages where conversation_id = ${conv.id}`)[0]!.id));
    await setStatus(dbh.db, conv.id, 'human', { reason: 'claimed' });
    await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'to the person, 1' });
    await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'to the person, 2' });
    await setStatus(dbh.db, conv.id, 'bot', { reason: 'handed_back' });
    const after = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'back with the AI' }))!;
    expect(await firstUnansweredBefore(dbh.db, conv.id, after.seq)).toBeNull();
    // …while one written after the hand-back still orders the ones behind it.
    const behind = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'and one more' }))!;
    expect(await firstUnansweredBefore(dbh.db, conv.id, behind.seq)).toEqual({ id: after.id, seq: after.seq });
  });
});
