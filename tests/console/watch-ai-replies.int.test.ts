import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, nextEvent } from './agents-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('watchai');
});
afterAll(async () => h?.stop());

describe('/agents: watching a conversation the AI still owns', () => {
  it('shows the customer message and the AI reply live', async () => {
    const { socket: customer, ready } = await h.connect();
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    const { socket: agent } = await connectAgent(h.url, { token });
    expect((await agent.emitWithAck('conversation:watch', { conversationId: ready.conversationId })).ok).toBe(true);
    const aiReply = nextEvent<Message>(agent, 'message:new', (m) => m.role === 'bot' && m.conversationId === ready.conversationId, 15_000);
    const ack = await customer.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    expect(ack.ok).toBe(true);
    const reply = await aiReply;
    expect(reply.text).toMatch(/30 days/);
    expect(reply.meta?.route?.domain).toBe('support');
    agent.disconnect();
    customer.disconnect();
  });
});
