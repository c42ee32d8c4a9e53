// Issue 16 (StrykerJS `state` run of hand-to-humans.ts, 2026-12-03): what a hand-over writes when
// nobody can take it — the ticket (whose customer, subject, priority at the threshold), the waiting
// time it keeps for the first agent online, what the customer is told and by whom — and the race in
// which an agent claims the chat while its ticket is being opened.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConversation } from '@em/db/queries/conversations';
import { customers } from '@em/db/schema';
import type { SiteHours } from '@em/contracts/site';
import { createAnnouncer } from './announcer';
import { createConversationService, type AgentActor } from './service';
import { outcome, startCore, type Core, type Sent } from './testing/fixture';
import type { PresenceReader } from './presence';
import { consoleUsers } from '@em/db/schema';

let core: Core;
let customerId: string;
let agent: AgentActor;
let sent: Sent[];
/** Follow-up mail the core asked for (a guest is asked for an address in the chat instead). */
const mailed: string[] = [];
/** Runs while the hand-over counts who is online: the claim-race test claims the chat there. */
let duringPresence: (() => Promise<void>) | null = null;
let hours: SiteHours | undefined;
/** Agents online as the hand-over sees them (0: the ticket path). */
let online = 0;

beforeAll(async () => {
  core = await startCore('handtohumans');
  [{ id: customerId }] = (await core.dbh.db.insert(customers).values({ email: 'vera@h2h.test', name: 'Vera Verified' }).returning({ id: customers.id })) as [{ id: string }];
  const [u] = await core.dbh.db.insert(consoleUsers).values({ email: 'ann@h2h.test', name: 'Ann Agent', role: 'agent', passwordHash: 'x' }).returning({ id: consoleUsers.id });
  agent = { kind: 'agent', userId: u!.id, name: 'Ann Agent' };
});
afterAll(async () => {
  await core?.stop();
});

function service() {
  sent = [];
  const channel = (nsp: Sent['nsp']) => ({ to: (room: string) => ({ emit: (event: string, ...args: unknown[]) => (sent.push({ nsp, room, event, payload: args[0] }), true) }) });
  // Nobody online (the ticket path), with a hook to let a claim in at the worst moment.
  const presence: PresenceReader = {
    ...core.presence,
    async onlineCount() {
      await duringPresence?.();
      return online;
    },
  };
  return createConversationService({
    db: core.dbh.db,
    presence,
    announce: createAnnouncer({ chat: channel('/chat'), agents: channel('/agents') }),
    siteHours: async () => hours,
    followUp: {
      ticketConfirmation: async (m) => void mailed.push(`ticket ${m.ticketNumber} to ${m.to}`),
      agentReplied: async () => undefined,
      transcript: async () => undefined,
    },
    now: () => new Date('2026-12-02T12:00:00Z'), // a Wednesday, noon UTC
  });
}
let svc: ReturnType<typeof service>;
beforeEach(() => {
  duringPresence = null;
  hours = undefined;
  online = 0;
  svc = service();
});

async function ticketOf(conversationId: string) {
  const [t] = await core.dbh.sql<{ customer_id: string | null; subject: string; priority: string; status: string }[]>`
    select customer_id, subject, priority, status from support_tickets where conversation_id = ${conversationId}`;
  return t!;
}
const toCustomer = (id: string, event: string) => sent.filter((e) => e.nsp === '/chat' && e.room === `conv:${id}` && e.event === event).map((e) => e.payload);

describe('a hand-over while nobody is online opens a ticket', () => {
  it("a verified customer's request: the ticket is theirs, says why and what they wrote, at normal priority", async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site', customerId });
    expect(await svc.requestHuman(conv.id, 'Talk to a person button')).toMatchObject({ handedOver: true, status: 'bot', ticketNumber: expect.stringMatching(/^TK-\d+$/) });
    expect(await ticketOf(conv.id)).toEqual({ customer_id: customerId, subject: 'Chat handoff (customer request): Talk to a person button', priority: 'normal', status: 'open' });
    // The widget is told the customer asked (not an AI agent's name).
    expect(toCustomer(conv.id, 'agent:handoff')).toEqual([{ from: 'customer', to: 'human', reason: 'customer_request' }]);
    // The ticket is confirmed by mail to the verified customer's address.
    expect(mailed.at(-1)).toMatch(/^ticket TK-\d+ to vera@h2h\.test$/);
  });

  it('an escalation without details: a guest ticket that says it needs a person; priority is high from the threshold up', async () => {
    const calm = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    // customer_request 20 + very_negative 20 = 40: below the threshold (45).
    await svc.escalate({ conversationId: calm.id, reason: 'customer_request', from: 'support', sentiment: 'very_negative' });
    expect(await ticketOf(calm.id)).toEqual({ customer_id: null, subject: 'Chat handoff (customer request): needs a person', priority: 'normal', status: 'open' });
    const angry = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    // negative_sentiment 30 + urgent 15 = 45: exactly the threshold.
    await svc.escalate({ conversationId: angry.id, reason: 'negative_sentiment', from: 'logistics', sentiment: 'neutral', urgent: true });
    expect(await ticketOf(angry.id)).toMatchObject({ subject: 'Chat handoff (negative sentiment): needs a person', priority: 'high' });
    expect(toCustomer(angry.id, 'agent:handoff')).toEqual([{ from: 'logistics', to: 'human', reason: 'negative_sentiment' }]);
  });

  it('the chat goes back to the AI but keeps its waiting time, so the first agent online sees how long it has waited', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    await svc.requestHuman(conv.id, 'help');
    const [r] = await core.dbh.sql<{ status: string; waiting: string | null }[]>`select status, waiting_since::text as waiting from conversations where id = ${conv.id}`;
    expect(r).toMatchObject({ status: 'bot', waiting: expect.any(String) });
    const [ev] = await core.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${conv.id} and type = 'status_changed' order by id desc limit 1`;
    expect(ev!.data).toMatchObject({ status: 'bot', reason: 'no_agent_online' });
  });

  it('outside business hours: the return says so, and the notice says when people are back', async () => {
    hours = { timeZone: 'UTC', businessHours: { mon: [{ from: '09:00', to: '17:00' }] } };
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    await svc.requestHuman(conv.id, 'help');
    const [ev] = await core.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${conv.id} and type = 'status_changed' order by id desc limit 1`;
    expect(ev!.data).toMatchObject({ status: 'bot', reason: 'outside_hours' });
    const notice = toCustomer(conv.id, 'message:new').find((m) => (m as { role: string }).role === 'system') as { text: string };
    expect(notice.text).toMatch(/Mon/);
  });

  it('a conversation that does not exist: conversation_closed, with a message that says so', async () => {
    const err = await svc.requestHuman(crypto.randomUUID(), 'help').catch((e: Error) => e);
    expect(await outcome(Promise.reject(err))).toBe('conversation_closed');
    expect((err as Error).message).toBe('This conversation no longer exists.');
  });
});

describe('an agent claims the chat while its ticket is being opened', () => {
  it('the agent keeps it: the ticket is marked taken (pending), no waiting status is announced, no email is asked for', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    duringPresence = async () => {
      duringPresence = null;
      expect(await outcome(svc.claim(agent, conv.id))).toBe('ok');
    };
    const r = await svc.requestHuman(conv.id, 'help');
    expect(r).toMatchObject({ handedOver: true, status: 'human' });
    expect((await ticketOf(conv.id)).status).toBe('pending');
    const statuses = toCustomer(conv.id, 'conversation:status') as { status: string }[];
    expect(statuses.map((s) => s.status)).toEqual(['human']); // the claim announced itself; no stale 'waiting'
    expect(toCustomer(conv.id, 'conversation:email-requested')).toEqual([]);
  });

  it('without a claim the same guest hand-over asks the customer for an email (the control for the test above)', async () => {
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    expect(await svc.requestHuman(conv.id, 'help')).toMatchObject({ status: 'bot' });
    expect(toCustomer(conv.id, 'conversation:email-requested')).toEqual([{ requested: true }]);
  });
});

describe('a hand-over while an agent is online waits in the queue', () => {
  it('each chat is told its own place in the queue, and says who asked for the person', async () => {
    online = 1;
    await core.dbh.sql`update conversations set status = 'resolved' where status = 'waiting_human'`; // an empty queue
    const first = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    const second = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    expect(await svc.requestHuman(first.id, 'help')).toMatchObject({ status: 'waiting_human', queuePosition: 1 });
    // Same priority (customer_request, no mood): the second in line is second.
    expect(await svc.requestHuman(second.id, 'help')).toMatchObject({ status: 'waiting_human', queuePosition: 2 });
    expect(toCustomer(second.id, 'conversation:status')).toEqual([{ status: 'waiting_human', queuePosition: 2 }]);
    // An escalation the AI decides says it is handing over; the customer's own ask says they asked.
    const third = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    await svc.escalate({ conversationId: third.id, reason: 'timeout', from: 'support', sentiment: 'neutral' });
    const notice = (id: string) => (toCustomer(id, 'message:new') as { role: string; text: string }[]).find((m) => m.role === 'system')!.text;
    expect(notice(first.id)).toMatch(/^You asked for a person\./);
    expect(notice(third.id)).toMatch(/^I am handing this conversation to a member of our support team\./);
  });

  it("the AI's own reading of the customer's mood sets the priority; the stored one only when it gave none", async () => {
    online = 1;
    const priorityOf = async (id: string) => (await core.dbh.sql<{ p: number }[]>`select priority as p from conversations where id = ${id}`)[0]!.p;
    const angryBefore = async () => {
      const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
      await core.dbh.sql`insert into messages (conversation_id, seq, role, text, sentiment) values (${conv.id}, 1, 'bot', 'sorry', ${JSON.stringify({ score: -4, label: 'very_negative' })}::jsonb)`;
      await core.dbh.sql`update conversations set last_seq = 1 where id = ${conv.id}`;
      return conv.id;
    };
    const given = await angryBefore();
    await svc.escalate({ conversationId: given, reason: 'customer_request', from: 'support', sentiment: 'neutral' });
    expect(await priorityOf(given)).toBe(20); // customer_request 20, neutral 0
    const read = await angryBefore();
    await svc.requestHuman(read, 'help');
    expect(await priorityOf(read)).toBe(40); // customer_request 20 + very_negative 20 (read from the stored reply)
  });
});
