// Issue 17: every ownership change of DESIGN §5 is announced to the customer and to consoles, over
// real sockets. A customer walks bot → waiting_human → human → resolved → bot; each step must arrive
// as `conversation:status` on /chat and /agents, and the AI must stay silent while a person owns it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { Harness } from '../harness';
import { startWithAgent, waitUntil, type AgentClient } from './agents-client';

let platform: Awaited<ReturnType<typeof startWithAgent>>;
let h: Harness;
let agent: AgentClient;
beforeAll(async () => {
  platform = await startWithAgent('statuswalk');
  ({ h, agent } = platform);
});
afterAll(async () => {
  await platform?.stop();
});

describe('the customer and the console are told every status change', () => {
  it('bot → waiting_human → human → resolved → bot, with the AI silent while a person owns the chat', async () => {
    const { socket, ready } = await h.connect();
    const conversationId = ready.conversationId;
    expect(ready.status).toBe('bot');
    const customerSaw: string[] = [];
    const consoleSaw: string[] = [];
    const bots: Message[] = [];
    socket.on('conversation:status', (s) => customerSaw.push(s.status));
    socket.on('message:new', (m) => m.role === 'bot' && bots.push(m));
    agent.on('conversation:status', (s) => s.conversationId === conversationId && consoleSaw.push(s.status));
    const say = async (text: string) => {
      const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
      if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
      return ack.data.messageId;
    };
    const saw = (status: string) => waitUntil(async () => customerSaw.at(-1) === status && consoleSaw.at(-1) === status, 5000);

    const first = await say('What is your return policy?');
    await waitUntil(async () => bots.some((b) => b.replyTo === first), 10_000);

    // An agent is online (the connected console), so the request waits live for a person.
    expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'waiting_human' } });
    await saw('waiting_human');

    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    await saw('human');

    // While the person owns it, a customer message goes to the console and the AI says nothing.
    const toPerson = await say('Hi, are you a real person?');
    expect(await (await h.deps.queue.getJob(toPerson))!.waitUntilFinished(h.deps.queueEvents, 15_000)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });
    expect(bots.some((b) => b.replyTo === toPerson)).toBe(false);

    expect(await agent.emitWithAck('conversation:resolve', { conversationId })).toEqual({ ok: true, data: { status: 'resolved' } });
    await saw('resolved');

    // The customer writes again: the AI answers, and the widget and consoles learn it is the AI's again.
    const again = await say('One more question: do you ship to Canada?');
    await waitUntil(async () => bots.some((b) => b.replyTo === again), 10_000);
    await saw('bot');
    expect(customerSaw).toEqual(['waiting_human', 'human', 'resolved', 'bot']);
    expect(consoleSaw).toEqual(['waiting_human', 'human', 'resolved', 'bot']);
    socket.disconnect();
  });
});
