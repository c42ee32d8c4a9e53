// Issue 16 (StrykerJS): the widget's ingest, acceptCustomerMessage, branch by branch with a recording
// queue, dedup and announcer on a real database. The end-to-end suites see only its happy path; here
// every branch that keeps "stored once, enqueued under its own id, acked with its seq" is taken on
// purpose: a repeat inside and beyond the dedup window, a repeat racing the first attempt (stored late,
// or never), a failed enqueue and its retry, a closed conversation. (Written against the gateway's
// handler before issue 17 moved the ingest here; 16 of 17 hand-applied mutations were killed then, the
// 17th, `>=` → `>` on the 3 s wait, is equivalent.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { runMigrations } from '@em/db/migrate';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { appendMessage, createConversation, getConversation, listMessages } from '@em/db/queries/conversations';
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
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 4 });
  await runMigrations(dbh.db);
});
afterAll(async () => {
  redis.disconnect();
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

/** The Redis dedup's contract (SET NX "pending", then the message id), in memory and recorded. */
function memoryDedup() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  return {
    entries,
    calls,
    async claim(conv: string, cmid: string) {
      calls.push(`claim ${cmid}`);
      const k = `${conv}:${cmid}`;
      if (entries.has(k)) return { won: false as const, value: entries.get(k)! };
      entries.set(k, 'pending');
      return { won: true as const };
    },
    async settle(conv: string, cmid: string, id: string) {
      calls.push(`settle ${cmid} ${id}`);
      entries.set(`${conv}:${cmid}`, id);
    },
    async release(conv: string, cmid: string) {
      calls.push(`release ${cmid}`);
      entries.delete(`${conv}:${cmid}`);
    },
  };
}

type Job = { name: string; data: { messageId: string; conversationId: string; seq: number }; opts: { jobId: string } };

async function rig() {
  const conversationId = (await createConversation(dbh.db, { siteKey: 'demo-site' })).id;
  const sent: Sent[] = [];
  const channel = (nsp: Sent['nsp']) => ({ to: (room: string) => ({ emit: (event: string, ...args: unknown[]) => (sent.push({ nsp, room, event, payload: args[0] }), true) }) });
  const jobs: Job[] = [];
  let enqueueFails = false;
  const dedup = memoryDedup();
  const service = createConversationService({
    db: dbh.db,
    presence: createPresence(redis, keys),
    announce: createAnnouncer({ chat: channel('/chat'), agents: channel('/agents') }),
    dedup,
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
    dedup,
    failNextEnqueue: () => void (enqueueFails = true),
    send: (clientMessageId: string, text = 'hello') => service.acceptCustomerMessage({ conversationId, clientMessageId, text }),
    newMessages: () => sent.filter((e) => e.nsp === '/chat' && e.event === 'message:new').map((e) => (e.payload as { id: string }).id),
  };
}

let r: Awaited<ReturnType<typeof rig>>;
beforeEach(async () => {
  r = await rig();
});

describe('acceptCustomerMessage stores, enqueues and acks once per clientMessageId', () => {
  it('a new message: seq in order, one job under its own id, the dedup key settled, the customer and consoles told', async () => {
    const c1 = crypto.randomUUID();
    const c2 = crypto.randomUUID();
    const a1 = await r.send(c1, 'hello');
    const a2 = await r.send(c2, 'where is my order?');
    expect(a1.ack).toEqual({ messageId: a1.message!.id, seq: 1, duplicate: false });
    expect(a2.ack).toEqual({ messageId: a2.message!.id, seq: 2, duplicate: false });
    const stored = await listMessages(dbh.db, r.conversationId);
    expect(stored.map((m) => [m.id, m.seq, m.role, m.text, m.clientMessageId])).toEqual([
      [a1.ack.messageId, 1, 'customer', 'hello', c1],
      [a2.ack.messageId, 2, 'customer', 'where is my order?', c2],
    ]);
    expect(r.jobs).toEqual([
      { name: 'message', data: { messageId: a1.ack.messageId, conversationId: r.conversationId, seq: 1 }, opts: { jobId: a1.ack.messageId } },
      { name: 'message', data: { messageId: a2.ack.messageId, conversationId: r.conversationId, seq: 2 }, opts: { jobId: a2.ack.messageId } },
    ]);
    expect(r.dedup.calls).toEqual([`claim ${c1}`, `settle ${c1} ${a1.ack.messageId}`, `claim ${c2}`, `settle ${c2} ${a2.ack.messageId}`]);
    expect(r.newMessages()).toEqual([a1.ack.messageId, a2.ack.messageId]);
    expect(r.sent.filter((e) => e.nsp === '/agents' && e.event === 'message:new')).toHaveLength(2);
    expect((await getConversation(dbh.db, r.conversationId))!.lastSeq).toBe(2);
  });

  it('a repeat inside the dedup window acks the stored message as a duplicate and re-adds its job under the same id', async () => {
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
  });

  it('a repeat older than the dedup window is caught by the database: same id and seq, no seq consumed, job re-added', async () => {
    const cmid = crypto.randomUUID();
    const first = await r.send(cmid);
    r.dedup.entries.clear(); // the Redis key expired
    r.dedup.calls.length = 0;
    const again = await r.send(cmid);
    expect(again.ack).toEqual({ messageId: first.ack.messageId, seq: 1, duplicate: true });
    expect(r.dedup.calls).toEqual([`claim ${cmid}`, `settle ${cmid} ${first.ack.messageId}`]);
    expect(r.jobs.map((j) => j.opts.jobId)).toEqual([first.ack.messageId, first.ack.messageId]);
    expect(await listMessages(dbh.db, r.conversationId)).toHaveLength(1);
    expect((await r.send(crypto.randomUUID(), 'next')).ack.seq).toBe(2);
  });

  it('a repeat racing the first attempt waits until it is stored, then acks it as a duplicate', async () => {
    const cmid = crypto.randomUUID();
    await r.dedup.claim(r.conversationId, cmid); // the first attempt (another tab) holds the key
    const t0 = Date.now();
    const pending = r.send(cmid);
    await new Promise((res) => setTimeout(res, 300));
    const firstAttempt = (await appendMessage(dbh.db, { conversationId: r.conversationId, role: 'customer', text: 'hello', clientMessageId: cmid }))!;
    const { ack } = await pending;
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(ack).toEqual({ messageId: firstAttempt.id, seq: 1, duplicate: true });
    expect(r.jobs).toEqual([{ name: 'message', data: { messageId: firstAttempt.id, conversationId: r.conversationId, seq: 1 }, opts: { jobId: firstAttempt.id } }]);
  });

  it('a first attempt that never stores its message: the repeat gives up after about 3 s with conflict', async () => {
    const cmid = crypto.randomUUID();
    await r.dedup.claim(r.conversationId, cmid);
    const t0 = Date.now();
    expect(await outcome(r.send(cmid))).toBe('conflict');
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(2900);
    expect(waited).toBeLessThan(6000);
    expect(r.jobs).toEqual([]);
    expect(await listMessages(dbh.db, r.conversationId)).toEqual([]);
  }, 15_000);

  it('a failed enqueue frees the dedup key and fails; the retry finds the stored row and enqueues it', async () => {
    const cmid = crypto.randomUUID();
    r.failNextEnqueue();
    await expect(r.send(cmid)).rejects.toThrow('redis went away');
    expect(r.dedup.calls).toEqual([`claim ${cmid}`, `release ${cmid}`]);
    expect(r.dedup.entries.size).toBe(0);
    expect(r.newMessages()).toEqual([]);
    const [row] = await listMessages(dbh.db, r.conversationId);
    const retry = await r.send(cmid);
    expect(retry.ack).toEqual({ messageId: row!.id, seq: 1, duplicate: true });
    expect(r.jobs.map((j) => j.opts.jobId)).toEqual([row!.id]);
  });

  it('a conversation that no longer exists: conversation_closed, nothing claimed, stored or enqueued', async () => {
    const gone = await rig();
    const send = createConversationService({
      db: dbh.db,
      presence: createPresence(redis, keys),
      announce: createAnnouncer({ chat: { to: () => ({ emit: () => true }) }, agents: { to: () => ({ emit: () => true }) } }),
      dedup: gone.dedup,
      queue: { add: async () => void gone.jobs.push({} as Job) },
    }).acceptCustomerMessage({ conversationId: crypto.randomUUID(), clientMessageId: crypto.randomUUID(), text: 'hello' });
    expect(await outcome(send)).toBe('conversation_closed');
    expect(gone.dedup.calls).toEqual([]);
    expect(gone.jobs).toEqual([]);
  });
});
