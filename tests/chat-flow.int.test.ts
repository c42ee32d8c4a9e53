import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '@em/config/identity';
import { IDENTITY_SECRET, nextReply, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('chatflow');
});
afterAll(async () => {
  await h?.stop();
});

describe('walking skeleton: widget → gateway → BullMQ → LangGraph worker → widget', () => {
  it('answers the return policy from the knowledge base, in one piece (the offline model has nothing to stream)', async () => {
    const { socket, ready } = await h.connect();
    expect(ready.status).toBe('bot');
    expect(ready.verified).toBe(false);
    const deltas: string[] = [];
    socket.on('message:delta', (d) => deltas.push(d.delta));
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.data).toMatchObject({ seq: 1, duplicate: false });
    const reply = await nextReply(socket, ack.data.messageId);
    expect(reply.text).toMatch(/30 days/);
    expect(reply.seq).toBe(2);
    expect(reply.meta?.route?.domain).toBe('support');
    expect(reply.meta?.sources?.[0]).toMatch(/^returns\.md#/);
    expect(deltas).toEqual([]);
  });

  it('acks a repeated clientMessageId as duplicate and replies once', async () => {
    const { socket } = await h.connect();
    const clientMessageId = randomUUID();
    const first = await socket.emitWithAck('message:send', { clientMessageId, text: 'How much is the Nimbus X5?' });
    const second = await socket.emitWithAck('message:send', { clientMessageId, text: 'How much is the Nimbus X5?' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toEqual({ messageId: first.data.messageId, seq: first.data.seq, duplicate: true });
    const reply = await nextReply(socket, first.data.messageId);
    expect(reply.text).toContain('$799.00');
    const sync = await socket.emitWithAck('history:sync', { afterSeq: 0 });
    expect(sync.ok && sync.data.messages.map((m) => m.role)).toEqual(['customer', 'bot']);
  });

  it('resumes the same conversation with the session token', async () => {
    const a = await h.connect();
    const ack = await a.socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'is WELCOME10 still valid?' });
    if (!ack.ok) throw new Error('send failed');
    await nextReply(a.socket, ack.data.messageId);
    a.socket.disconnect();
    const b = await h.connect({ siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    expect(b.ready.conversationId).toBe(a.ready.conversationId);
    expect(b.ready.messages).toHaveLength(2);
  });

  it('gives order details only to the verified owner', async () => {
    const email = 'alice@example.com';
    const { socket, ready } = await h.connect({ siteKey: 'demo-site', identity: { email, name: 'Alice Martin', hash: identityHash(email, IDENTITY_SECRET) } });
    expect(ready.verified).toBe(true);
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'Where is my order EM-10001?' });
    if (!ack.ok) throw new Error('send failed');
    expect((await nextReply(socket, ack.data.messageId)).text).toContain('1Z999AA10123456784');
    const other = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'And where is order EM-10003?' });
    if (!other.ok) throw new Error('send failed');
    const reply = await nextReply(socket, other.data.messageId);
    expect(reply.text).not.toMatch(/delivered|794644790132/);
  });

  it('refuses unknown site keys, forged tokens and bad identity hashes with unauthorized', async () => {
    const codes = await Promise.all(
      [
        { siteKey: 'nope' },
        { siteKey: 'demo-site', sessionToken: 'eyJhbGciOiJIUzI1NiJ9.e30.x' },
        { siteKey: 'demo-site', identity: { email: 'alice@example.com', hash: 'a'.repeat(64) } },
      ].map((auth) => h.connect(auth).then(() => 'connected', (e: Error & { data?: { code: string } }) => e.data?.code)),
    );
    expect(codes).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
  });

  it('refuses malformed and over-long messages with documented codes', async () => {
    const { socket } = await h.connect();
    const bad = await socket.emitWithAck('message:send', { clientMessageId: 'not-a-uuid', text: 'hi' } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const long = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'x'.repeat(1001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'message_too_long' } });
    const blank = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('serves /health and /ready', async () => {
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    const ready = await fetch(`${h.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, down: [] });
  });
});
