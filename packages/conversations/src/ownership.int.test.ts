// The ownership use cases of the conversation service on a real database: who may claim, release,
// resolve and reassign, what each writes (status, denormalised columns, status_changed), what the
// customer and consoles are told, and the handoff tickets opened while nobody is online.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage, createConversation, markFirstHumanReply, setStatus } from '@em/db/queries/conversations';
import { listQueue } from '@em/db/queries/queue';
import { createTicket } from '@em/db/queries/tickets';
import { consoleUsers } from '@em/db/schema';
import type { AgentActor } from './service';
import { outcome, startCore, type Core } from './testing/fixture';

let core: Core;
let agent: AgentActor;
let other: AgentActor;
let admin: AgentActor;
let inactiveId: string;

beforeAll(async () => {
  core = await startCore('ownership');
  const rows = await core.dbh.db
    .insert(consoleUsers)
    .values([
      { email: 'ann@own.test', name: 'Ann Agent', role: 'agent', passwordHash: 'x' },
      { email: 'second@own.test', name: 'Second Agent', role: 'agent', passwordHash: 'x' },
      { email: 'boss@own.test', name: 'Boss Admin', role: 'admin', passwordHash: 'x' },
      { email: 'gone@own.test', name: 'Gone Agent', role: 'agent', passwordHash: 'x', active: false },
    ])
    .returning({ id: consoleUsers.id });
  agent = { kind: 'agent', userId: rows[0]!.id, name: 'Ann Agent' };
  other = { kind: 'agent', userId: rows[1]!.id, name: 'Second Agent' };
  admin = { kind: 'admin', userId: rows[2]!.id, name: 'Boss Admin' };
  inactiveId = rows[3]!.id;
  // Someone is online: a request for a person waits live (nobody online → ticket, tested below).
  await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
});
afterAll(async () => {
  await core?.stop();
});

type Row = { status: string; assigned: string | null; waiting: string | null; claimed: string | null; human: boolean; resolved: string | null; first: string | null; reason: string | null };
async function row(id: string): Promise<Row> {
  const [r] = await core.dbh.sql<Row[]>`
    select status, assigned_agent_id as assigned, waiting_since as waiting, claimed_at as claimed, handled_by_human as human,
           resolved_at as resolved, first_human_reply_at as first, escalation_reason as reason
    from conversations where id = ${id}`;
  return r!;
}
async function statusEvents(id: string) {
  const rows = await core.dbh.sql<{ data: Record<string, unknown> }[]>`
    select data from conversation_events where conversation_id = ${id} and type = 'status_changed' order by created_at, id`;
  return rows.map((r) => r.data);
}
async function waiting() {
  const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
  expect(await core.service.requestHuman(conv.id, 'wants a person')).toMatchObject({ handedOver: true, status: 'waiting_human' });
  return conv.id;
}
const toCustomer = (id: string, event: string) => core.sent.filter((e) => e.nsp === '/chat' && e.room === `conv:${id}` && e.event === event);

describe('hand to humans', () => {
  it('bot → waiting_human with reason and waitingSince, logged and announced; not again while waiting or owned', async () => {
    const id = await waiting();
    const r = await row(id);
    expect(r).toMatchObject({ status: 'waiting_human', assigned: null, reason: 'customer_request' });
    expect(r.waiting).not.toBeNull();
    expect(await statusEvents(id)).toEqual([{ status: 'waiting_human', reason: 'customer_request', detail: 'wants a person' }]);
    expect(toCustomer(id, 'agent:handoff')).toHaveLength(1);
    expect(toCustomer(id, 'conversation:status').map((e) => e.payload)).toEqual([{ status: 'waiting_human', queuePosition: expect.any(Number) }]);
    expect(await core.service.escalate({ conversationId: id, reason: 'timeout', from: 'support' })).toEqual({ handedOver: false, status: 'waiting_human' });
    await core.service.claim(agent, id);
    expect(await core.service.requestHuman(id, 'again')).toEqual({ handedOver: false, status: 'human' });
    expect((await row(id)).status).toBe('human');
  });

  it('nobody online: a ticket, the customer is told, and the AI keeps the chat while the queue lists it', async () => {
    await core.presence.leave(agent.userId);
    try {
      const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
      const r = await core.service.requestHuman(conv.id, 'please');
      expect(r).toMatchObject({ handedOver: true, status: 'bot', agentsOnline: 0, ticketNumber: expect.stringMatching(/^TK-/) });
      expect(await statusEvents(conv.id)).toEqual([
        { status: 'waiting_human', reason: 'customer_request', detail: 'please' },
        { status: 'bot', reason: 'no_agent_online', ticketNumber: r.handedOver ? r.ticketNumber : '' },
      ]);
      expect(toCustomer(conv.id, 'conversation:status').map((e) => e.payload)).toEqual([{ status: 'bot' }]);
      const queued = (await listQueue(core.dbh.db)).find((q) => q.conversationId === conv.id);
      expect(queued).toMatchObject({ status: 'bot', ticketNumber: r.handedOver ? r.ticketNumber : '' });
      // Asking again points to the same ticket.
      expect(await core.service.requestHuman(conv.id, 'still')).toMatchObject({ ticketNumber: r.handedOver ? r.ticketNumber : '' });
    } finally {
      await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
    }
  });
});

describe('notices in the customer\'s language', () => {
  it('a German customer is told of the hand-over, the claim and the hand-back in German', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    const msg = (await appendMessage(core.dbh.db, { conversationId: conv.id, role: 'customer', text: 'Ich möchte mit einem Menschen sprechen' }))!;
    // As the AI's commit stores it: the language it read the message in.
    await core.dbh.sql`update messages set language = 'de' where id = ${msg.id}`;
    await core.service.requestHuman(conv.id, 'Talk to a person button');
    await core.service.claim(agent, conv.id);
    await core.service.release(agent, conv.id);
    const notices = core.sent
      .filter((e) => e.nsp === '/chat' && e.room === `conv:${conv.id}` && e.event === 'message:new')
      .map((e) => (e.payload as { role: string; text: string }))
      .filter((m) => m.role === 'system')
      .map((m) => m.text);
    expect(notices).toEqual([
      expect.stringContaining('Sie haben nach einem Menschen gefragt'),
      `${agent.name} aus unserem Support-Team ist dem Chat beigetreten.`,
      expect.stringContaining('Sie sind wieder bei unserem KI-Assistenten'),
    ]);
  });
});

describe('claim', () => {
  it('waiting → human for exactly one of two agents; stamps owner, claimedAt, handledByHuman; logs and announces the agent', async () => {
    const id = await waiting();
    const results = await Promise.all([outcome(core.service.claim(agent, id)), outcome(core.service.claim(other, id))]);
    expect(results.sort()).toEqual(['conflict', 'ok']);
    const r = await row(id);
    const winner = r.assigned === agent.userId ? agent : other;
    expect(r).toMatchObject({ status: 'human', assigned: winner.userId, human: true, waiting: null });
    expect(r.claimed).not.toBeNull();
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'human', agentId: winner.userId });
    expect(toCustomer(id, 'conversation:status').at(-1)!.payload).toEqual({ status: 'human' });
    const consoles = core.sent.filter((e) => e.nsp === '/agents' && e.event === 'conversation:status' && (e.payload as { conversationId: string }).conversationId === id);
    expect(consoles.at(-1)!.payload).toMatchObject({ status: 'human', assignedAgentId: winner.userId, assignedAgentName: winner.name });
  });

  it('a bot-owned or unknown conversation cannot be claimed', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    expect(await outcome(core.service.claim(agent, conv.id))).toBe('conflict');
    expect(await outcome(core.service.claim(agent, randomUUID()))).toBe('not_found');
    expect(await statusEvents(conv.id)).toEqual([]);
    // …but one the AI serves while its handoff ticket waits can (the AI's own tickets don't count).
    await createTicket(core.dbh.db, { conversationId: conv.id, subject: 'Broken screen' });
    expect(await outcome(core.service.claim(agent, conv.id))).toBe('conflict');
  });
});

describe('release and resolve: the owner, or an admin', () => {
  it('another agent can neither hand back nor resolve; the owner hands back to the bot', async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    expect(await outcome(core.service.release(other, id))).toBe('conflict');
    expect(await outcome(core.service.resolve(other, id))).toBe('conflict');
    expect(await core.service.release(agent, id)).toEqual({ status: 'bot' });
    expect(await row(id)).toMatchObject({ status: 'bot', assigned: null, waiting: null });
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'bot', agentId: agent.userId, reason: 'handed_back' });
    expect(toCustomer(id, 'conversation:status').at(-1)!.payload).toEqual({ status: 'bot' });
    expect(await outcome(core.service.release(agent, id))).toBe('conflict'); // only from human
  });

  it("the owner resolves (resolvedAt, logged); an admin may resolve another's chat and a waiting one, an agent may not", async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    expect(await core.service.resolve(agent, id)).toEqual({ status: 'resolved' });
    const r = await row(id);
    expect(r.status).toBe('resolved');
    expect(r.resolved).not.toBeNull();
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'resolved', agentId: agent.userId });
    expect(toCustomer(id, 'conversation:status').at(-1)!.payload).toEqual({ status: 'resolved' });

    const waitingId = await waiting();
    expect(await outcome(core.service.resolve(agent, waitingId))).toBe('conflict');
    expect(await outcome(core.service.resolve(admin, waitingId))).toBe('ok');

    const owned = await waiting();
    await core.service.claim(other, owned);
    expect(await outcome(core.service.release(admin, owned))).toBe('ok');
  });
});

describe('agent replies', () => {
  it('only the owner writes to the customer; a repeat of the same clientMessageId is acked as a duplicate', async () => {
    const id = await waiting();
    const clientMessageId = randomUUID();
    expect(await outcome(core.service.agentReply(agent, { conversationId: id, clientMessageId, text: 'Hi' }))).toBe('forbidden');
    await core.service.claim(agent, id);
    expect(await outcome(core.service.agentReply(other, { conversationId: id, clientMessageId, text: 'Hi' }))).toBe('forbidden');
    expect(await outcome(core.service.agentReply(admin, { conversationId: id, clientMessageId, text: 'Hi' }))).toBe('forbidden');
    const first = await core.service.agentReply(agent, { conversationId: id, clientMessageId, text: 'Hi, Ann here.' });
    expect(first.duplicate).toBe(false);
    expect(await core.service.agentReply(agent, { conversationId: id, clientMessageId, text: 'Hi, Ann here.' })).toEqual({ ...first, duplicate: true });
    const first2 = (await row(id)).first;
    expect(first2).not.toBeNull();
  });
});

describe('reassign (admin)', () => {
  it('moves a waiting or claimed chat to an active agent; refuses inactive or unknown agents and bot-owned chats', async () => {
    const id = await waiting();
    expect(await core.service.reassign(admin, id, other.userId)).toEqual({ conversationId: id, agentId: other.userId });
    expect(await row(id)).toMatchObject({ status: 'human', assigned: other.userId, human: true, waiting: null });
    await core.service.reassign(admin, id, agent.userId);
    expect((await row(id)).assigned).toBe(agent.userId);
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'human', agentId: agent.userId, reason: 'reassigned' });
    expect(await outcome(core.service.reassign(agent, id, other.userId))).toBe('conflict'); // agents may not

    expect(await outcome(core.service.reassign(admin, id, inactiveId))).toBe('not_found');
    expect(await outcome(core.service.reassign(admin, id, randomUUID()))).toBe('not_found');
    const bot = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    expect(await outcome(core.service.reassign(admin, bot.id, agent.userId))).toBe('conflict');
    expect((await row(bot.id)).status).toBe('bot');
  });
});

describe('handoff tickets follow the chat', () => {
  const ticketStatus = async (n: string) =>
    (await core.dbh.sql<{ status: string }[]>`select status from support_tickets where ticket_number = ${n}`)[0]!.status;
  async function ticketed() {
    await core.presence.leave(agent.userId);
    try {
      const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
      const r = await core.service.requestHuman(conv.id, 'nobody there');
      if (!r.handedOver || !r.ticketNumber) throw new Error('expected a ticket');
      return { id: conv.id, ticketNumber: r.ticketNumber };
    } finally {
      await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
    }
  }

  it('a claim takes the ticket (pending): a hand-back does not queue it again; resolving resolves the ticket', async () => {
    const { id, ticketNumber } = await ticketed();
    await core.service.claim(agent, id);
    expect(await ticketStatus(ticketNumber)).toBe('pending');
    expect(await outcome(core.service.claim(agent, id))).toBe('conflict');
    await core.service.release(agent, id);
    expect((await listQueue(core.dbh.db)).some((q) => q.conversationId === id)).toBe(false);
    expect(await outcome(core.service.claim(agent, id))).toBe('conflict');

    const next = await ticketed();
    await core.service.claim(agent, next.id);
    await core.service.resolve(agent, next.id);
    expect(await ticketStatus(next.ticketNumber)).toBe('resolved');
  });
});

describe('stamps', () => {
  it('the first human reply is stamped once', async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    await markFirstHumanReply(core.dbh.db, id);
    const first = (await row(id)).first;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await markFirstHumanReply(core.dbh.db, id);
    expect((await row(id)).first).toEqual(first);
  });

  it('setStatus keeps the denormalised columns in step with the status', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    await setStatus(core.dbh.db, conv.id, 'waiting_human', { reason: 'timeout' });
    expect(await row(conv.id)).toMatchObject({ status: 'waiting_human', assigned: null, reason: 'timeout' });
    expect((await row(conv.id)).waiting).not.toBeNull();
    await setStatus(core.dbh.db, conv.id, 'human', { agentId: agent.userId });
    expect(await row(conv.id)).toMatchObject({ status: 'human', assigned: agent.userId, human: true, waiting: null });
    await setStatus(core.dbh.db, conv.id, 'resolved');
    expect((await row(conv.id)).resolved).not.toBeNull();
    await setStatus(core.dbh.db, conv.id, 'bot');
    expect(await row(conv.id)).toMatchObject({ status: 'bot', assigned: null });
    expect((await statusEvents(conv.id)).map((e) => e.status)).toEqual(['waiting_human', 'human', 'resolved', 'bot']);
  });
});
