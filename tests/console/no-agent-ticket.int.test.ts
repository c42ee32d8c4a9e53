// DESIGN §5, "no dead ends": nobody online → the customer asks for a person → a ticket is opened and
// the conversation returns to the AI, which keeps answering; the first agent who comes online sees
// it in the queue with its ticket, claims it, and from then on the AI is silent.
// Real gateway + worker + Postgres + Redis (tests/harness.ts), real Socket.IO clients.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import { loginConsole, nextReply, startHarness, type ChatClient, type Harness } from '../harness';
import { connectAgent, nextEvent, waitUntil, type AgentClient } from './agents-client';

let h: Harness;
let agent: AgentClient | undefined;
beforeAll(async () => {
  h = await startHarness('console_noagent');
});
afterAll(async () => {
  agent?.disconnect();
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  await h?.stop();
});

async function say(socket: ChatClient, text: string) {
  const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  return ack.data.messageId;
}
const statusOf = async (id: string) => (await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${id}`)[0]!.status;
const ticketsOf = (id: string) =>
  h.dbh.sql<{ ticket_number: string; status: string }[]>`select ticket_number, status from support_tickets where conversation_id = ${id} order by id`;

describe('handoff when nobody is online: a ticket, and the AI keeps helping', () => {
  it('ticket notice + status bot, the next question is answered; an agent who comes online sees the ticket, claims, the AI goes silent', async () => {
    expect(await h.deps.redis.zcard(h.deps.keys.presence)).toBe(0);
    const { socket: customer, ready } = await h.connect();
    const conversationId = ready.conversationId;

    // 1. "Talk to a person" with nobody online: announced as a handoff, then the ticket, then back to the AI.
    const handoff = nextEvent<{ to: string }>(customer, 'agent:handoff', (e) => e.to === 'human');
    const notice = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'system');
    const statuses: string[] = [];
    customer.on('conversation:status', (s) => statuses.push(s.status));
    expect(await customer.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'bot' } });
    await handoff;
    const text = (await notice).text;
    const ticketNumber = /No one from our support team is online right now, so I opened ticket (TK-\d+)/.exec(text)?.[1];
    expect(ticketNumber).toBeDefined();
    // A guest: no email known, so no promise of one; the answer comes in this chat.
    expect(text).toMatch(/answer you here in this chat/);
    expect(text).not.toMatch(/email/);
    expect(text).toMatch(/I'm still here/);
    await waitUntil(async () => statuses.includes('bot'));
    expect(statuses).toEqual(['bot']); // never shown as waiting for someone who is not there
    expect(await statusOf(conversationId)).toBe('bot');
    expect(await ticketsOf(conversationId)).toEqual([{ ticket_number: ticketNumber, status: 'open' }]);
    const changes = await h.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${conversationId} and type = 'status_changed' order by id`;
    expect(changes.map((c) => c.data)).toEqual([
      expect.objectContaining({ status: 'waiting_human', reason: 'customer_request' }),
      { status: 'bot', reason: 'no_agent_online', ticketNumber },
    ]);

    // 2. The AI answers the next question, from the knowledge base.
    const q1 = await say(customer, 'What is your return policy?');
    expect((await nextReply(customer, q1, 20_000)).text).toMatch(/30 days/);

    // 3. Asking again while the ticket waits: pointed to the same ticket, not a second one.
    const again = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'system' && m.text.includes('still open'));
    expect(await customer.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'bot' } });
    expect((await again).text).toContain(`Your ticket ${ticketNumber} is still open`);
    expect(await ticketsOf(conversationId)).toHaveLength(1);

    // 4. An agent comes online: the snapshot lists the conversation with its ticket, served by the AI.
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    const connected = await connectAgent(h.url, { token });
    agent = connected.socket;
    const item = connected.snapshot.find((i) => i.conversationId === conversationId);
    expect(item).toMatchObject({ status: 'bot', ticketNumber, reason: 'customer_request', lastMessage: 'What is your return policy?' });

    // A conversation the AI serves without a handoff ticket is not the queue's, and cannot be claimed.
    const { socket: other, ready: plain } = await h.connect();
    const refused = await agent.emitWithAck('conversation:claim', { conversationId: plain.conversationId });
    expect(!refused.ok && refused.error.code).toBe('conflict');
    other.disconnect();

    // 5. The claim: the customer is told a person joined; the ticket is taken (pending), off the queue.
    const human = nextEvent<{ status: string }>(customer, 'conversation:status', (s) => s.status === 'human');
    const joined = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'system' && /joined/.test(m.text));
    expect(await agent.emitWithAck('conversation:claim', { conversationId })).toEqual({ ok: true, data: { conversationId } });
    await human;
    expect((await joined).text).toMatch(/^Sam Rivera from our support team has joined/);
    expect(await ticketsOf(conversationId)).toEqual([{ ticket_number: ticketNumber, status: 'pending' }]);
    const again2 = await agent.emitWithAck('conversation:claim', { conversationId });
    expect(!again2.ok && again2.error.code).toBe('conflict');

    // 6. The AI stays silent: the customer's message goes to the agent, its job is skipped.
    const toAgent = nextEvent<Message>(agent, 'message:new', (m) => m.role === 'customer');
    const q2 = await say(customer, 'Are you a real person?');
    expect((await toAgent).text).toBe('Are you a real person?');
    const job = await h.deps.queue.getJob(q2);
    expect(await job!.waitUntilFinished(h.deps.queueEvents, 15_000)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });
    expect(await h.dbh.sql`select id from messages where reply_to = ${q2}`).toHaveLength(0);

    // 7. Resolving the conversation resolves its handoff ticket too.
    expect(await agent.emitWithAck('conversation:resolve', { conversationId })).toEqual({ ok: true, data: { status: 'resolved' } });
    expect(await ticketsOf(conversationId)).toEqual([{ ticket_number: ticketNumber, status: 'resolved' }]);
    customer.disconnect();
  });
});
