// Dedup and recovery on one gateway: concurrent repeats of a clientMessageId, and a customer who
// is offline while the bot replies resyncs by seq on reconnect.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMessages } from '@em/db/queries/conversations';
import { nextReply, startHarness, type Harness } from '../harness';
import { closeAllClients, collect, connectChat, sleep } from './clients';
import { waitFor } from './processes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('gwrel');
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

const queueIdle = () =>
  waitFor('queue drained', async () => {
    const c = await h.deps.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).every((n) => n === 0);
  });

describe('clientMessageId idempotency', () => {
  it('concurrent repeats from two tabs ack one original and duplicates, and get exactly one reply', async () => {
    const a = await connectChat(h.url);
    const b = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    const seen = collect(a.socket);
    const payload = { clientMessageId: randomUUID(), text: 'How much is the Nimbus X5?' };
    const acks = await Promise.all([a.socket, b.socket, a.socket, b.socket, a.socket].map((s) => s.emitWithAck('message:send', payload)));
    const data = acks.map((r) => (r.ok ? r.data : r.error));
    expect(data.filter((d) => 'duplicate' in d && !d.duplicate)).toHaveLength(1);
    expect(data.filter((d) => 'duplicate' in d && d.duplicate)).toHaveLength(4);
    const ids = new Set(data.map((d) => ('messageId' in d ? d.messageId : d.code)));
    expect(ids.size).toBe(1);
    const [messageId] = [...ids];
    await nextReply(a.socket, messageId!);
    await queueIdle();
    // A late repeat (still inside the 10 min window) is a duplicate too.
    expect(await a.socket.emitWithAck('message:send', payload)).toMatchObject({ ok: true, data: { messageId, duplicate: true } });
    await sleep(300);
    const rows = await listMessages(h.dbh.db, a.ready.conversationId);
    expect(rows.map((m) => m.role)).toEqual(['customer', 'bot']);
    expect(seen.filter((m) => m.role === 'customer')).toHaveLength(1);
    expect(seen.filter((m) => m.role === 'bot' && m.replyTo === messageId)).toHaveLength(1);
  });
});

describe('recovery', () => {
  it('a reply sent while the customer was offline arrives through history:sync after reconnecting', async () => {
    const first = await connectChat(h.url);
    // Hold the reply back until the customer has dropped off, so it is emitted to nobody.
    await h.deps.queue.pause();
    try {
      const ack = await first.socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
      if (!ack.ok) throw new Error(ack.error.code);
      const dropped = new Promise((r) => first.socket.once('disconnect', r));
      // A network drop, not a polite disconnect: the engine's transport just closes.
      first.socket.io.engine.close();
      await dropped;
      await h.deps.queue.resume();
      const reply = await waitFor('the reply to be written', async () =>
        (await listMessages(h.dbh.db, first.ready.conversationId, 1)).find((m) => m.role === 'bot' && m.replyTo === ack.data.messageId),
      );
      const again = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: first.ready.sessionToken });
      expect(again.ready.conversationId).toBe(first.ready.conversationId);
      const sync = await again.socket.emitWithAck('history:sync', { afterSeq: ack.data.seq });
      expect(sync).toMatchObject({ ok: true, data: { messages: [{ id: reply.id, seq: ack.data.seq + 1, role: 'bot' }] } });
      if (sync.ok) expect(sync.data.messages[0]!.text).toMatch(/30 days/);
      expect(await again.socket.emitWithAck('history:sync', { afterSeq: reply.seq })).toEqual({ ok: true, data: { messages: [] } });
    } finally {
      await h.deps.queue.resume();
    }
  });
});
