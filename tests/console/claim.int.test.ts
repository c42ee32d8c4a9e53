import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, nextEvent, nextQueue, waitUntil, type AgentClient } from './agents-client';

let h: Harness;
let adminToken: string;
let agentToken: string;
let agent2Token: string;
const agents: AgentClient[] = [];

const api = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
async function agent(token: string) {
  const a = await connectAgent(h.url, { token });
  agents.push(a.socket);
  return a;
}

beforeAll(async () => {
  h = await startHarness('console');
  adminToken = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
  agentToken = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  const res = await api('/api/users', adminToken, {
    method: 'POST',
    body: JSON.stringify({ email: 'second@electromart.test', name: 'Sam Second', role: 'agent', password: 'second-password' }),
  });
  expect(res.status).toBe(201);
  agent2Token = await loginConsole(h.url, 'second@electromart.test', 'second-password');
});
afterAll(async () => {
  for (const s of agents) s.disconnect();
  // Let the gateway finish the disconnects (presence leave over Redis) before the connections close.
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0);
  await h?.stop();
});

describe('/agents: queue, exclusive claim, ownership', () => {
  it('two agents claim at once: exactly one wins, the other gets conflict; only the owner replies', async () => {
    const a1 = await agent(agentToken);
    const a2 = await agent(agent2Token);
    const { socket: customer, ready } = await h.connect();
    const queued = nextQueue(a1.socket, (q) => q.some((i) => i.conversationId === ready.conversationId));
    const ack = await customer.emitWithAck('conversation:request-human', { reason: 'I want a refund' });
    expect(ack).toEqual({ ok: true, data: { status: 'waiting_human' } });
    const item = (await queued).find((i) => i.conversationId === ready.conversationId)!;
    expect(item).toMatchObject({ reason: 'customer_request', detail: 'I want a refund' });

    const joined = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'system' && /joined/.test(m.text));
    const [r1, r2] = await Promise.all([
      a1.socket.emitWithAck('conversation:claim', { conversationId: ready.conversationId }),
      a2.socket.emitWithAck('conversation:claim', { conversationId: ready.conversationId }),
    ]);
    const results = [r1, r2];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost && !lost.ok && lost.error.code).toBe('conflict');
    const winner = r1.ok ? a1.socket : a2.socket;
    const loser = r1.ok ? a2.socket : a1.socket;
    expect((await joined).text).toMatch(r1.ok ? /^Sam Rivera from our support team has joined/ : /^Sam Second from our support team has joined/);

    const denied = await loser.emitWithAck('message:send', { conversationId: ready.conversationId, clientMessageId: randomUUID(), text: 'Hi!' });
    expect(!denied.ok && denied.error.code).toBe('forbidden');

    const toCustomer = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'human');
    const sent = await winner.emitWithAck('message:send', { conversationId: ready.conversationId, clientMessageId: randomUUID(), text: 'Hello, how can I help?' });
    expect(sent.ok).toBe(true);
    expect(await toCustomer).toMatchObject({ role: 'human', text: 'Hello, how can I help?' });

    // The customer's reply reaches the owner's console, and the AI stays silent.
    const toAgent = nextEvent<Message>(winner, 'message:new', (m) => m.role === 'customer');
    const typing = nextEvent<{ actor: string }>(winner, 'typing', (t) => t.actor === 'customer');
    customer.emit('typing', { isTyping: true });
    await typing;
    const c = await customer.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'Where is my order?' });
    expect((await toAgent).text).toBe('Where is my order?');
    if (!c.ok) throw new Error('send failed');
    const job = await h.deps.queue.getJob(c.data.messageId);
    expect(await job!.waitUntilFinished(h.deps.queueEvents)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });
    const history = await customer.emitWithAck('history:sync', { afterSeq: 0 });
    expect(history.ok && history.data.messages.filter((m) => m.role === 'bot')).toEqual([]);

    // Resolve: the customer is told (and asked for CSAT) and the queue no longer lists it.
    const resolved = nextEvent<{ status: string }>(customer, 'conversation:status', (s) => s.status === 'resolved');
    expect(await loser.emitWithAck('conversation:resolve', { conversationId: ready.conversationId })).toMatchObject({ ok: false });
    expect(await winner.emitWithAck('conversation:resolve', { conversationId: ready.conversationId })).toEqual({ ok: true, data: { status: 'resolved' } });
    await resolved;
    expect(await customer.emitWithAck('conversation:rate', { score: 5 })).toEqual({ ok: true, data: { recorded: true } });
  });

  it('accepts the httpOnly console cookie and refuses a missing or forged token', async () => {
    const viaCookie = await connectAgent(h.url, { cookie: `em_console=${encodeURIComponent(agentToken)}` });
    agents.push(viaCookie.socket);
    expect(Array.isArray(viaCookie.snapshot)).toBe(true);
    await expect(connectAgent(h.url, {})).rejects.toThrow('unauthorized');
    await expect(connectAgent(h.url, { token: agentToken.slice(0, -4) + 'AAAA' })).rejects.toThrow('unauthorized');
  });

  it('refuses admin actions to agents and strangers (HTTP and socket); admins may reassign', async () => {
    const body = JSON.stringify({ shortcut: 'x1', title: 'X', text: 'Y' });
    expect((await api('/api/canned-responses', null, { method: 'POST', body })).status).toBe(401);
    expect((await api('/api/canned-responses', agentToken, { method: 'POST', body })).status).toBe(403);
    expect((await api('/api/users', agentToken)).status).toBe(403);
    expect((await api('/api/users', null)).status).toBe(401);
    expect((await api('/api/canned-responses', adminToken, { method: 'POST', body })).status).toBe(201);
    const canned = (await (await api('/api/canned-responses', agentToken)).json()) as { items: { shortcut: string }[] };
    expect(canned.items.map((c) => c.shortcut)).toEqual(expect.arrayContaining(['returns', 'x1']));

    const { ready } = await h.connect();
    const a = await agent(agentToken);
    const admin = await agent(adminToken);
    await h.connect({ siteKey: 'demo-site', sessionToken: ready.sessionToken }).then(({ socket }) =>
      socket.emitWithAck('conversation:request-human', {}),
    );
    const users = (await (await api('/api/users', adminToken)).json()) as { items: { id: string; email: string }[] };
    const second = users.items.find((u) => u.email === 'second@electromart.test')!;
    const refused = await a.socket.emitWithAck('conversation:reassign', { conversationId: ready.conversationId, agentId: second.id });
    expect(!refused.ok && refused.error.code).toBe('forbidden');
    const done = await admin.socket.emitWithAck('conversation:reassign', { conversationId: ready.conversationId, agentId: second.id });
    expect(done).toEqual({ ok: true, data: { conversationId: ready.conversationId, agentId: second.id } });
  });

  it('lists and details conversations over REST with the brief and a drafted reply', async () => {
    const list = (await (await api('/api/conversations?view=resolved', agentToken)).json()) as { items: { id: string }[]; total: number };
    expect(list.total).toBeGreaterThanOrEqual(1);
    const res = await api(`/api/conversations/${list.items[0]!.id}`, agentToken);
    const d = (await res.json()) as { messages: { role: string }[]; brief: { reasonLabel: string }; suggestedReply: string; events: unknown[] };
    expect(d.brief.reasonLabel).toBe('Customer asked for a person');
    expect(d.suggestedReply).toMatch(/^Hi, this is Sam from the ElectroMart support team. Thanks for waiting/);
    expect(d.messages.map((m) => m.role)).toContain('human');
    expect((await api('/api/conversations?view=bogus', agentToken)).status).toBe(400);
    const spec = (await (await api('/api/openapi.json', null)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/conversations', '/api/conversations/{id}', '/api/users', '/api/canned-responses']));
    expect((await api('/api/conversations', null)).status).toBe(401);
  });
});

describe('handoff when nobody is online', () => {
  // The rest of this path (the AI answers meanwhile, the first agent online claims) is in no-agent-ticket.int.test.ts.
  it('tells the customer, opens a ticket (ticket_created) and gives the chat back to the AI', async () => {
    for (const s of agents.splice(0)) s.disconnect();
    // Presence leaves on disconnect; wait until the gateway has processed it.
    await expect.poll(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0, { timeout: 5000 }).toBe(true);
    const { socket, ready } = await h.connect();
    const notice = nextEvent<Message>(socket, 'message:new', (m) => m.role === 'system');
    expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'bot' } });
    expect((await notice).text).toMatch(/No one from our support team is online right now, so I opened ticket TK-\d+/);
    const [conv] = await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${ready.conversationId}`;
    expect(conv!.status).toBe('bot');
    const rows = await h.dbh.sql`select type, data from conversation_events where conversation_id = ${ready.conversationId} and type = 'ticket_created'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({ reason: 'customer_request' });
  });
});
