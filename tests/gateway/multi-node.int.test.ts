// Two gateway PROCESSES (built dist, configured only by env) and one in-process worker share a
// Redis prefix and a database: two tabs of one conversation, one on each node, see everything.
// Spawns processes: run under `flock /tmp/em-heavy.lock`.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import { TEST_REDIS_URL } from '@em/config/test-env';
import { IDENTITY_SECRET, SESSION_SECRET, startHarness, type ChatClient, type Harness } from '../harness';
import { closeAllClients, collect, connectChat, sleep } from './clients';
import { ensureGatewayBuilt, spawnGateway, waitFor, type GatewayProcess } from './processes';

let h: Harness;
let nodes: GatewayProcess[] = [];
beforeAll(async () => {
  ensureGatewayBuilt();
  h = await startHarness('gwnodes');
  const env = {
    DATABASE_URL: h.dbUrl,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: h.prefix,
    SITE_KEY: 'demo-site',
    SITE_IDENTITY_SECRET: IDENTITY_SECRET,
    SESSION_SECRET,
    ALLOWED_ORIGINS: 'http://shop.test',
  };
  nodes = await Promise.all([spawnGateway(env), spawnGateway(env)]);
}, 120_000);
afterAll(async () => {
  closeAllClients();
  await Promise.all(nodes.map((n) => n.stop()));
  await h?.stop();
});

const replyTo = (seen: Message[], id: string) => waitFor(`reply to ${id}`, async () => seen.find((m) => m.role === 'bot' && m.replyTo === id));

describe('several gateway processes', () => {
  it('two tabs on different nodes both receive every message, reply and typing event', async () => {
    const [n1, n2] = nodes as [GatewayProcess, GatewayProcess];
    const a = await connectChat(n1.url);
    const b = await connectChat(n2.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    expect(b.ready.conversationId).toBe(a.ready.conversationId);
    const seenA = collect(a.socket);
    const seenB = collect(b.socket);
    const typingOnA: unknown[] = [];
    a.socket.on('typing', (t) => typingOnA.push(t));

    const send = async (s: ChatClient, text: string) => {
      const ack = await s.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
      if (!ack.ok) throw new Error(ack.error.code);
      return ack.data.messageId;
    };
    const first = await send(a.socket, 'What is your return policy?');
    await Promise.all([replyTo(seenA, first), replyTo(seenB, first)]);
    b.socket.emit('typing', { isTyping: true });
    // The bot's typing reaches both tabs too; the customer's own typing crosses nodes to the other tab.
    await waitFor('customer typing on the other node', async () => typingOnA.some((t) => (t as { actor: string }).actor === 'customer'));
    expect(typingOnA).toContainEqual({ actor: 'customer', isTyping: true });
    const second = await send(b.socket, 'How much is the Nimbus X5?');
    await Promise.all([replyTo(seenA, second), replyTo(seenB, second)]);
    await sleep(200);
    const summary = (seen: Message[]) => seen.map((m) => `${m.seq}:${m.role}`);
    expect(summary(seenA)).toEqual(['1:customer', '2:bot', '3:customer', '4:bot']);
    expect(summary(seenB)).toEqual(summary(seenA));
    expect(seenB.map((m) => m.id)).toEqual(seenA.map((m) => m.id));
  });

  it('deduplicates a clientMessageId sent to both nodes, and shares rate limits across them', async () => {
    const [n1, n2] = nodes as [GatewayProcess, GatewayProcess];
    const a = await connectChat(n1.url);
    const b = await connectChat(n2.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    const payload = { clientMessageId: randomUUID(), text: 'Do you ship to Canada?' };
    const acks = await Promise.all([a.socket.emitWithAck('message:send', payload), b.socket.emitWithAck('message:send', payload)]);
    expect(acks.map((r) => r.ok && r.data.duplicate).sort()).toEqual([false, true]);
    // The session budget (10 / 10 s + burst 5) is kept in Redis, so it holds across nodes.
    const flood = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: `msg ${i}` })),
    );
    const limited = flood.filter((r) => !r.ok && r.error.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(6);
  });

  it('each node reports itself ready', async () => {
    for (const n of nodes) expect((await fetch(`${n.url}/ready`)).status).toBe(200);
  });
});
