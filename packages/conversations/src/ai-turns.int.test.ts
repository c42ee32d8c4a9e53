// The database half of "exactly one reply per customer message" and "a person who takes the chat
// wins": commitAiTurn against a real, migrated Postgres (the unique index on reply_to lives in the
// drizzle SQL, so dropping it from the migration fails these tests).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage, createConversation, listMessages, setStatus } from '@em/db/queries/conversations';
import { loadTurnContext } from '@em/db/queries/turn-context';
import { insertAiReply } from '@em/db/queries/ai-reply';
import { startCore, type Core } from './testing/fixture';

let core: Core;
let dbh: Core['dbh'];

beforeAll(async () => {
  core = await startCore('aiturns');
  dbh = core.dbh;
});
afterAll(async () => {
  await core?.stop();
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
/** Waits until at least `n` sessions of this test's database wait for a lock. */
async function waitForLockWaiters(n: number) {
  for (let i = 0; i < 200; i++) {
    const [row] = await dbh.sql<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no session waited for a lock`);
}
async function events(conversationId: string, type: string) {
  const [row] = await dbh.sql<{ n: number }[]>`select count(*)::int as n from conversation_events where conversation_id = ${conversationId} and type = ${type}`;
  return row!.n;
}

describe('commitAiTurn: one reply per customer message', () => {
  it('a second commit for the same message is a duplicate, writes nothing and announces the first reply again', async () => {
    const { conv, msg } = await customerMessage();
    const first = await core.service.commitAiTurn(turn(conv.id, msg.id));
    expect(first.kind).toBe('stored');
    core.service.announceAiTurn({}, first);
    const second = await core.service.commitAiTurn(turn(conv.id, msg.id, 'A different answer.'));
    core.service.announceAiTurn({}, second);
    const firstId = first.kind === 'stored' ? first.reply.id : '';
    expect(second).toMatchObject({ kind: 'duplicate', reply: { id: firstId } });
    expect((await botRows(msg.id)).map((r) => r.id)).toEqual([firstId]);
    const announced = core.sent.filter((e) => e.event === 'message:new' && (e.payload as { id: string }).id === firstId);
    // Each run announces the stored reply once to the customer and once to consoles watching.
    expect(announced.map((e) => e.nsp)).toEqual(['/chat', '/agents', '/chat', '/agents']);
    expect(await events(conv.id, 'ai_reply')).toBe(1); // the loser's analytics rolled back with it
  });

  it('a commit racing another run of the same job inside its one statement: the unique reply_to refuses it, and it reports the first reply as a duplicate', async () => {
    const { conv, msg } = await customerMessage();
    // The other run has written its reply and holds the row lock, not committed yet.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let otherId = '';
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const other = dbh.db.transaction(async (tx) => {
      const t = turn(conv.id, msg.id, 'The first answer.');
      otherId = t.reply.id;
      await insertAiReply(tx, { reply: t.reply, events: [] });
      wrote();
      await held;
    });
    await written;
    // This run's statement starts now (its snapshot cannot see the other reply) and waits for the lock.
    const mine = core.service.commitAiTurn(turn(conv.id, msg.id, 'A second answer.'));
    await waitForLockWaiters(1);
    release();
    await other;
    expect(await mine).toMatchObject({ kind: 'duplicate', reply: { id: otherId, text: 'The first answer.' } });
    expect((await botRows(msg.id)).map((r) => r.id)).toEqual([otherId]);
  });

  it('two concurrent commits for the same message: exactly one is stored, seq stays gap-free', async () => {
    const { conv, msg } = await customerMessage();
    const results = await Promise.all([1, 2, 3].map((i) => core.service.commitAiTurn(turn(conv.id, msg.id, `answer ${i}`))));
    expect(results.filter((r) => r.kind === 'stored')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(2);
    expect(await botRows(msg.id)).toHaveLength(1);
    const seqs = await dbh.sql<{ seq: number }[]>`select seq from messages where conversation_id = ${conv.id} order by seq`;
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2]);
  });
});

describe('commitAiTurn: the language the AI read', () => {
  it('is stored on the customer message with the reply, and read back with it', async () => {
    const { conv, msg } = await customerMessage('Wie viel kostet der Expressversand?');
    expect((await core.service.commitAiTurn({ ...turn(conv.id, msg.id, 'Der Expressversand kostet 14,99 $.'), language: 'de' })).kind).toBe('stored');
    const history = await listMessages(dbh.db, conv.id);
    expect(history.find((m) => m.id === msg.id)?.meta?.language).toBe('de');
    // A duplicate commit changes nothing (the loser's transaction wrote nothing).
    await core.service.commitAiTurn({ ...turn(conv.id, msg.id), language: 'fr' });
    expect((await listMessages(dbh.db, conv.id)).find((m) => m.id === msg.id)?.meta?.language).toBe('de');
  });
});

describe('commitAiTurn: the owner at commit time decides', () => {
  for (const status of ['waiting_human', 'human'] as const) {
    it(`a conversation that became ${status} during the turn gets no bot row and no ai_reply`, async () => {
      const { conv, msg } = await customerMessage();
      await setStatus(dbh.db, conv.id, status, { reason: 'customer_request' });
      expect(await core.service.commitAiTurn(turn(conv.id, msg.id))).toEqual({ kind: 'not_owner', status });
      expect(await botRows(msg.id)).toHaveLength(0);
      expect(await events(conv.id, 'ai_reply')).toBe(0);
    });
  }

  it('a resolved conversation the customer wrote to again goes back to the bot, and browsers are told', async () => {
    const { conv, msg } = await customerMessage();
    await setStatus(dbh.db, conv.id, 'resolved');
    const committed = await core.service.commitAiTurn({ ...turn(conv.id, msg.id), language: 'de' });
    expect(committed).toMatchObject({ kind: 'stored', reopened: true });
    core.service.announceAiTurn({}, committed);
    // The language the message was read in is stored on the reopening path too.
    expect((await dbh.sql<{ language: string }[]>`select language from messages where id = ${msg.id}`)[0]!.language).toBe('de');
    const [row] = await dbh.sql<{ status: string }[]>`select status from conversations where id = ${conv.id}`;
    expect(row!.status).toBe('bot');
    const [event] = await dbh.sql<{ data: unknown }[]>`
      select data from conversation_events where conversation_id = ${conv.id} and type = 'status_changed' order by created_at desc, id desc limit 1`;
    expect(event!.data).toEqual({ status: 'bot', reason: 'customer_wrote_again' });
    const told = core.sent.filter((e) => e.event === 'conversation:status' && e.room.endsWith(conv.id));
    expect(told.map((e) => [e.nsp, (e.payload as { status: string }).status])).toEqual([['/chat', 'bot']]);
    expect(core.sent.some((e) => e.nsp === '/agents' && e.event === 'conversation:status' && (e.payload as { conversationId: string }).conversationId === conv.id)).toBe(true);
  });

  it('a retry after the chat was resolved again finds its reply: no second reopening', async () => {
    const { conv, msg } = await customerMessage();
    await setStatus(dbh.db, conv.id, 'resolved');
    const first = await core.service.commitAiTurn(turn(conv.id, msg.id));
    expect(first).toMatchObject({ kind: 'stored', reopened: true });
    // An agent resolves it again before the job's retry (a crash after the commit) runs.
    await setStatus(dbh.db, conv.id, 'resolved');
    const retry = await core.service.commitAiTurn(turn(conv.id, msg.id, 'A different answer.'));
    expect(retry).toMatchObject({ kind: 'duplicate', reply: { id: first.kind === 'stored' ? first.reply.id : '' } });
    const [row] = await dbh.sql<{ status: string }[]>`select status from conversations where id = ${conv.id}`;
    expect(row!.status).toBe('resolved');
    const reasons = await dbh.sql<{ reason: string }[]>`
      select data->>'reason' as reason from conversation_events where conversation_id = ${conv.id} and type = 'status_changed' and data->>'status' = 'bot'`;
    expect(reasons).toHaveLength(1);
  });

  it('the turn\'s hand-offs and a failed job are logged with the reply, in its transaction', async () => {
    const { conv, msg } = await customerMessage();
    const committed = await core.service.commitAiTurn({
      ...turn(conv.id, msg.id, 'Sorry, something went wrong.'),
      handoffs: [{ from: 'sales', to: 'logistics', reason: 'the question is about delivery' }],
      jobFailed: { error: 'Error: boom', timedOut: false },
    });
    expect(committed.kind).toBe('stored');
    const rows = await dbh.sql<{ type: string; data: Record<string, unknown> }[]>`
      select type, data from conversation_events where conversation_id = ${conv.id} and type in ('agent_handoff', 'job_failed') order by id`;
    expect(rows).toEqual([
      { type: 'agent_handoff', data: { from: 'sales', to: 'logistics', reason: 'the question is about delivery' } },
      // The failure names the customer's message it failed on, not the apology.
      { type: 'job_failed', data: { messageId: msg.id, error: 'Error: boom', timedOut: false } },
    ]);
  });

  it('a turn for a conversation that does not exist fails loudly', async () => {
    const id = randomUUID();
    await expect(core.service.commitAiTurn(turn(id, randomUUID()))).rejects.toThrow(`conversation ${id} not found`);
  });
});

describe('the turn context\'s blocker (the worker\'s ordering rule) counts only the current ownership era', () => {
  it('an unanswered message of the bot era blocks later ones', async () => {
    const { conv, msg } = await customerMessage();
    const next = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'and another thing' }))!;
    expect((await loadTurnContext(dbh.db, conv.id, next.id)).blocker).toEqual({ id: msg.id, seq: msg.seq });
    await core.service.commitAiTurn(turn(conv.id, msg.id));
    expect((await loadTurnContext(dbh.db, conv.id, next.id)).blocker).toBeNull();
  });

  it('messages written while a person owned the chat never block the AI after a hand-back', async () => {
    const { conv } = await customerMessage();
    await core.service.commitAiTurn(turn(conv.id, (await dbh.sql<{ id: string }[]>`select id from messages where conversation_id = ${conv.id}`)[0]!.id));
    await setStatus(dbh.db, conv.id, 'human', { reason: 'claimed' });
    await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'to the person, 1' });
    await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'to the person, 2' });
    await setStatus(dbh.db, conv.id, 'bot', { reason: 'handed_back' });
    const after = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'back with the AI' }))!;
    expect((await loadTurnContext(dbh.db, conv.id, after.id)).blocker).toBeNull();
    // …while one written after the hand-back still orders the ones behind it.
    const behind = (await appendMessage(dbh.db, { conversationId: conv.id, role: 'customer', text: 'and one more' }))!;
    expect((await loadTurnContext(dbh.db, conv.id, behind.id)).blocker).toEqual({ id: after.id, seq: after.seq });
  });
});
