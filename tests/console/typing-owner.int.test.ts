// Issue 16, survivor 6: only the owner's typing reaches the customer. The agent who lost a claim
// race still watches the conversation (so it is in the room) and types; the customer must see no
// typing under that agent's name, while the owner's typing still arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypingEvent } from '@em/contracts/events';
import { loginConsole, startHarness, type Harness } from '../harness';
import { sleep } from '../support/wait';
import { connectAgent, nextEvent, waitUntil, type AgentClient } from './agents-client';

let h: Harness;
const agents: AgentClient[] = [];
const NAMES = ['Sam Rivera', 'Robin Second'];

beforeAll(async () => {
  h = await startHarness('typingown', { worker: false });
  const admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
  const res = await fetch(`${h.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ email: 'robin@electromart.test', name: NAMES[1], role: 'agent', password: 'robin-password-1' }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  for (const a of agents) a.disconnect();
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  await h?.stop();
});

describe('agent typing reaches the customer only from the owner', () => {
  it('the losing agent of a claim race types: the customer sees nothing under their name; the owner\'s typing arrives', async () => {
    const tokens = [
      await loginConsole(h.url, 'agent@electromart.test', 'agent-password'),
      await loginConsole(h.url, 'robin@electromart.test', 'robin-password-1'),
    ];
    const [a1, a2] = await Promise.all(tokens.map(async (token) => (await connectAgent(h.url, { token })).socket));
    agents.push(a1!, a2!);
    const { socket: customer, ready } = await h.connect();
    const typing: TypingEvent[] = [];
    customer.on('typing', (t) => typing.push(t));
    await customer.emitWithAck('conversation:request-human', {});

    const claims = await Promise.all([a1!, a2!].map((a) => a.emitWithAck('conversation:claim', { conversationId: ready.conversationId })));
    expect(claims.filter((c) => c.ok)).toHaveLength(1);
    const winnerIdx = claims[0]!.ok ? 0 : 1;
    const [owner, loser] = winnerIdx === 0 ? [a1!, a2!] : [a2!, a1!];
    const ownerName = NAMES[winnerIdx]!;
    const loserName = NAMES[1 - winnerIdx]!;

    // The loser can still watch the conversation: it is in the room, only ownership may stop its typing.
    expect((await loser.emitWithAck('conversation:watch', { conversationId: ready.conversationId })).ok).toBe(true);
    loser.emit('typing', { conversationId: ready.conversationId, isTyping: true });
    loser.emit('typing', { conversationId: ready.conversationId, isTyping: false });
    await sleep(400); // the gateway reads the owner from Postgres before relaying (a few ms here)

    const ownerTyping = nextEvent<TypingEvent>(customer, 'typing', (t) => t.actor === 'human' && t.name === ownerName && t.isTyping);
    owner.emit('typing', { conversationId: ready.conversationId, isTyping: true });
    await ownerTyping;
    await sleep(200);
    expect(typing.filter((t) => t.name === loserName)).toEqual([]);
    expect(typing.filter((t) => t.actor === 'human').map((t) => t.name)).toEqual([ownerName]);
    customer.disconnect();
  });
});
