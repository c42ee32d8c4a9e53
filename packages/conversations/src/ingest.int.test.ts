// Issue 16 (StrykerJS) and 18: the widget's ingest, acceptCustomerMessage, branch by branch with a
// recording queue and announcer on a real database. The end-to-end suites see only its happy path;
// here every branch that keeps "stored once, enqueued under its own id, acked with its seq" is taken
// on purpose: a repeat of any age, two sends of one clientMessageId at once, a resend racing a first
// attempt still in its transaction (which commits, or rolls back), a failed enqueue and its retry, a
// closed conversation. Since issue 18 the unique index is the only de-duplication (no Redis key).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { runMigrations } from '@em/db/migrate';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { createConversation, getConversation, listMessages } from '@em/db/queries/conversations';
import { createAnnouncer } from './announcer';
import { createPresence } from './presence';
import { createConversationService } from './service';
import { outcome } from './testing/fixture';
import type { Sent } from './testing/fixture';

const dbName = uniqueName('ingest');
let dbh: DbHandle;
const redis = createRedis(TEST_REDIS_URL);
const keys = redisKeys(dbName);

beforeAll(async () => {
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 6 });
  await runMigrations(dbh.db);
});
afterAll(async () => {
  redis.disconnect();
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

type Job = { name: string; data: { messageId: string; conversationId: string; seq: number }; opts: { jobId: string } };

async function rig() {
  const conversationId = (await createConversation(dbh.db, { siteKey: 'demo-site' })).id;
  const sent: Sent[] = [];
  const channel = (nsp: Sent['nsp']) => ({ to: (room: string) => ({ emit: (event: string, ...args: unknown[]) => (sent.push({ nsp, room, event, payload: args[0] }), true) }) });
  const jobs: Job[] = [];
  let enqueueFails = false;
  const service = createConversationService({
    db: dbh.db,
    presence: createPresence(redis, keys),
    announce: createAnnouncer({ chat: channel('/chat'), agents: channel('/agents') }),
    queue: {
      add: async (name, data, opts) => {
        if (enqueueFails) {
          enqueueFails = false;
          throw new Error('redis went away');
        }
        jobs.push({ name, data, opts });
      },
    },
  });
  return {
    conversationId,
    sent,
    jobs,
    failNextEnqueue: () => void (enqueueFails = true),
    send: (clientMessageId: string, text = 'hello') => service.acceptCustomerMessage({ conversationId, clientMessageId, text }),
    newMessages: () => sent.filter((e) => e.nsp === '/chat' && e.event === 'message:new').map((e) => (e.payload as { id: string }).id),
  };
}

let r: Awaited<ReturnType<typeof rig>>;
beforeEach(async () => {
  r = await rig();
});

/** A first attempt from another node, inside a transaction the test commits or rolls back. */
async function firstAttemptHeld(conversationId: string, cmid: string) {
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((res) => (finish = res));
  let stored!: (row: { id: string; seq: number }) => void;
  const inserted = new Promise<{ id: string; seq: number }>((res) => (stored = res));
  const tx = dbh.sql
    .begin(async (sql) => {
      const [conv] = await sql<{ seq: number }[]>`update conversations set last_seq = last_seq + 1 where id = ${conversationId} returning last_seq as seq`;
      const [row] = await sql<{ id: string; seq: number }[]>`
        insert into messages (conversation_id, seq, role, text, client_message_id) values (${conversationId}, ${conv!.seq}, 'customer', 'hello', ${cmid}) returning id, seq`;
      stored(row!);
      if (!(await decided)) throw new Error('rolled back');
    })
    .catch(() => undefined);
  return { row: await inserted, commit: async () => (finish(true), await tx), rollback: async () => (finish(false), await tx) };
}

describe('acceptCustomerMessage stores, enqueues and acks once per clientMessageId', () => {
  it('a new message: seq in order, one job under its own id, the customer and consoles told', async () => {
    const c1 = crypto.randomUUID();
    const c2 = crypto.randomUUID();
    const a1 = await r.send(c1, 'hello');
    const a2 = await r.send(c2, 'where is my order?');
    expect(a1.ack).toEqual({ messageId: a1.message!.id, seq: 1, duplicate: false });
    expect(a2.ack).toEqual({ messageId: a2.message!.id, seq: 2, duplicate: false });
    expect(a1.message).toMatchObject({ conversationId: r.conversationId, role: 'customer', text: 'hello', clientMessageId: c1, seq: 1 });
    const stored = await listMessages(dbh.db, r.conversationId);
    expect(stored.map((m) => [m.id, m.seq, m.role, m.text, m.clientMessageId])).toEqual([
      [a1.ack.messageId, 1, 'customer', 'hello', c1],
      [a2.ack.messageId, 2, 'customer', 'where is my order?', c2],
    ]);
    expect(r.jobs).toEqual([
      { name: 'message', data: { messageId: a1.ack.messageId, conversationId: r.conversationId, seq: 1 }, opts: { jobId: a1.ack.messageId } },
      { name: 'message', data: { messageId: a2.ack.messageId, conversationId: r.conversationId, seq: 2 }, opts: { jobId: a2.ack.messageId } },
    ]);
    expect(r.newMessages()).toEqual([a1.ack.messageId, a2.ack.messageId]);
    expect(r.sent.filter((e) => e.nsp === '/agents' && e.event === 'message:new')).toHaveLength(2);
    const conv = (await getConversation(dbh.db, r.conversationId))!;
    expect(conv.lastSeq).toBe(2);
    expect(conv.lastMessageAt).toBeInstanceOf(Date);
  });

  it('a repeat, of any age: the stored message as a duplicate, its job re-added under the same id, no seq consumed, nobody told twice', async () => {
    const cmid = crypto.randomUUID();
    const first = await r.send(cmid);
    const again = await r.send(cmid);
    expect(again).toEqual({ ack: { messageId: first.ack.messageId, seq: 1, duplicate: true } });
    expect(r.jobs.map((j) => [j.opts.jobId, j.data.seq])).toEqual([
      [first.ack.messageId, 1],
      [first.ack.messageId, 1],
    ]);
    expect(await listMessages(dbh.db, r.conversationId)).toHaveLength(1);
    expect(r.newMessages()).toHaveLength(1);
    expect((await r.send(crypto.randomUUID(), 'next')).ack.seq).toBe(2);
  });

  it('one clientMessageId sent twice at once (two tabs, two nodes): one row, one new ack and one duplicate of it, no seq gap', async () => {
    const cmid = crypto.randomUUID();
    const acks = (await Promise.all([r.send(cmid), r.send(cmid), r.send(cmid)])).map((a) => a.ack);
    const stored = await listMessages(dbh.db, r.conversationId);
    expect(stored).toHaveLength(1);
    expect(acks.filter((a) => !a.duplicate)).toEqual([{ messageId: stored[0]!.id, seq: 1, duplicate: false }]);
    expect(acks.filter((a) => a.duplicate)).toEqual([
      { messageId: stored[0]!.id, seq: 1, duplicate: true },
      { messageId: stored[0]!.id, seq: 1, duplicate: true },
    ]);
    expect(r.newMessages()).toEqual([stored[0]!.id]);
    expect((await r.send(crypto.randomUUID(), 'next')).ack.seq).toBe(2);
  });

  it('a resend racing a first attempt still in its transaction waits for it; once it commits, acks it as a duplicate', async () => {
    const cmid = crypto.randomUUID();
    const first = await firstAttemptHeld(r.conversationId, cmid);
    let settled = false;
    const pending = r.send(cmid).finally(() => (settled = true));
    await new Promise((res) => setTimeout(res, 300));
    expect(settled).toBe(false); // waiting on the conversation row, not guessing
    await first.commit();
    const { ack } = await pending;
    expect(ack).toEqual({ messageId: first.row.id, seq: 1, duplicate: true });
    expect(r.jobs).toEqual([{ name: 'message', data: { messageId: first.row.id, conversationId: r.conversationId, seq: 1 }, opts: { jobId: first.row.id } }]);
  });

  it('a first attempt that rolls back: the resend stores the message itself, with the seq the first one gave up', async () => {
    const cmid = crypto.randomUUID();
    const first = await firstAttemptHeld(r.conversationId, cmid);
    const pending = r.send(cmid);
    await new Promise((res) => setTimeout(res, 200));
    await first.rollback();
    const { ack, message } = await pending;
    expect(ack).toEqual({ messageId: message!.id, seq: 1, duplicate: false });
    expect((await listMessages(dbh.db, r.conversationId)).map((m) => m.id)).toEqual([message!.id]);
  });

  it('a failed enqueue fails the send; the retry finds the stored row and enqueues it', async () => {
    const cmid = crypto.randomUUID();
    r.failNextEnqueue();
    await expect(r.send(cmid)).rejects.toThrow('redis went away');
    expect(r.newMessages()).toEqual([]);
    const [row] = await listMessages(dbh.db, r.conversationId);
    const retry = await r.send(cmid);
    expect(retry.ack).toEqual({ messageId: row!.id, seq: 1, duplicate: true });
    expect(r.jobs.map((j) => j.opts.jobId)).toEqual([row!.id]);
  });

  it('a conversation that no longer exists: conversation_closed, nothing stored or enqueued', async () => {
    const jobs: unknown[] = [];
    const send = createConversationService({
      db: dbh.db,
      presence: createPresence(redis, keys),
      announce: createAnnouncer({ chat: { to: () => ({ emit: () => true }) }, agents: { to: () => ({ emit: () => true }) } }),
      queue: { add: async () => void jobs.push({}) },
    }).acceptCustomerMessage({ conversationId: crypto.randomUUID(), clientMessageId: crypto.randomUUID(), text: 'hello' });
    const err = await send.catch((e: Error) => e);
    expect(await outcome(Promise.reject(err))).toBe('conversation_closed');
    expect((err as Error).message).toBe('This conversation no longer exists.');
    expect(jobs).toEqual([]);
  });

  it('a store failure other than a repeat is the error itself, not a guess that the message exists', async () => {
    // Postgres refuses a NUL character in text (22021): not a unique violation, so nothing to look up.
    type PgError = { code?: string; cause?: { code?: string } };
    const err: PgError | null = await r.send(crypto.randomUUID(), 'nul \u0000 byte').then(
      () => null,
      (e: unknown) => e as PgError,
    );
    expect(err?.code ?? err?.cause?.code).toBe('22021');
    expect(r.jobs).toEqual([]);
    expect(await listMessages(dbh.db, r.conversationId)).toEqual([]);
  });

  it('while the conversation waits for a person, each new message refreshes the consoles\' queue', async () => {
    await dbh.sql`update conversations set status = 'waiting_human' where id = ${r.conversationId}`;
    await r.send(crypto.randomUUID(), 'still there?');
    expect(r.sent.filter((e) => e.nsp === '/agents' && e.event === 'queue:updated')).toHaveLength(1);
    await dbh.sql`update conversations set status = 'bot' where id = ${r.conversationId}`;
    await r.send(crypto.randomUUID(), 'hello again');
    expect(r.sent.filter((e) => e.nsp === '/agents' && e.event === 'queue:updated')).toHaveLength(1);
  });
});
