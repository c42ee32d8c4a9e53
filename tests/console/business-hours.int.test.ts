// Issue 20, business hours: outside a site's hours (a test clock, no waiting) the widget is told when
// people are back, the AI keeps answering, and a request for a person (the customer's button or the
// AI's escalation in the worker) becomes a ticket even with an agent online; inside hours it waits for
// a person. Real gateway + worker + Postgres + Redis (tests/harness.ts), real Socket.IO clients.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { SiteHours } from '@em/contracts/site';
import { IDENTITY_SECRET, loginConsole, nextReply, startHarness, type ChatClient, type Harness } from '../harness';
import { connectAgent, nextEvent, waitUntil, type AgentClient } from './agents-client';

const HOURS: SiteHours = {
  timeZone: 'Europe/Berlin',
  businessHours: { mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }], wed: [{ from: '09:00', to: '17:00' }], thu: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }] },
  holidays: ['2026-12-24'],
};
const SATURDAY_NOON = new Date('2026-12-05T11:00:00Z'); // 12:00 in Berlin
const MONDAY_TEN = new Date('2026-12-07T09:00:00Z'); // 10:00 in Berlin

let clock = SATURDAY_NOON;
let h: Harness;
let agent: AgentClient;
let agentToken: string;
beforeAll(async () => {
  h = await startHarness('business_hours', {
    now: () => clock,
    sites: [{ siteKey: 'hours-site', identitySecret: IDENTITY_SECRET, allowedOrigins: ['http://shop.test'], branding: { title: 'Hours Shop' }, hours: HOURS }],
  });
  agentToken = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  agent = (await connectAgent(h.url, { token: agentToken })).socket;
  await waitUntil(async () => (await h.deps.presence.onlineCount()) > 0);
});
afterAll(async () => {
  agent?.disconnect();
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  await h?.stop();
});

const hoursSite = { siteKey: 'hours-site' };
const statusOf = async (id: string) => (await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${id}`)[0]!.status;
const systemNotice = (socket: ChatClient, re: RegExp, ms = 5000) => nextEvent<Message>(socket, 'message:new', (m) => m.role === 'system' && re.test(m.text), ms);
const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });

describe('outside business hours (Saturday noon in Berlin)', () => {
  it('session:ready says closed and when people are back; the AI answers; "Talk to a person" becomes a ticket although an agent is online', async () => {
    clock = SATURDAY_NOON;
    const { socket, ready } = await h.connect(hoursSite);
    expect(ready.hours).toEqual({ open: false, nextOpenAt: '2026-12-07T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(ready.site?.title).toBe('Hours Shop');

    const statuses: string[] = [];
    socket.on('conversation:status', (s) => statuses.push(s.status));
    const notice = systemNotice(socket, /away/);
    expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'bot' } });
    const text = (await notice).text;
    expect(text).toMatch(/^Our support team is away until Monday, December 7 at 9:00 AM GMT\+1, so I opened ticket TK-\d+ for you\./);
    expect(text).toMatch(/I'm still here/);
    await waitUntil(async () => statuses.includes('bot'));
    expect(statuses).toEqual(['bot']);
    expect(await statusOf(ready.conversationId)).toBe('bot');
    const [change] = await h.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${ready.conversationId} and type = 'status_changed' and data->>'status' = 'bot'`;
    expect(change!.data).toMatchObject({ reason: 'outside_hours' });
    expect(await h.dbh.sql`select 1 from support_tickets where conversation_id = ${ready.conversationId}`).toHaveLength(1);

    // The AI keeps answering.
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    if (!ack.ok) throw new Error(ack.error.code);
    expect((await nextReply(socket, ack.data.messageId, 20_000)).text).toMatch(/30 days/);
    socket.disconnect();
  });

  it("the AI's escalation in the worker reads the same hours: a ticket, back to the AI, in the customer's language", async () => {
    clock = SATURDAY_NOON;
    const { socket, ready } = await h.connect(hoursSite);
    const notice = systemNotice(socket, /nicht erreichbar/, 20_000);
    await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'Ich möchte mit einem Menschen sprechen' });
    expect((await notice).text).toMatch(/^Unser Support-Team ist bis Montag, 7\. Dezember um 09:00 MEZ nicht erreichbar, deshalb habe ich das Ticket TK-\d+/);
    await waitUntil(async () => (await statusOf(ready.conversationId)) === 'bot');
    socket.disconnect();
  });

  it('a holiday on a weekday is closed too', async () => {
    clock = new Date('2026-12-24T10:00:00Z');
    const { socket, ready } = await h.connect(hoursSite);
    expect(ready.hours).toMatchObject({ open: false, nextOpenAt: '2026-12-25T08:00:00.000Z' });
    socket.disconnect();
  });
});

describe('inside business hours (Monday 10:00 in Berlin)', () => {
  it('session:ready says open; with an agent online the request waits for a person', async () => {
    clock = MONDAY_TEN;
    const { socket, ready } = await h.connect(hoursSite);
    expect(ready.hours).toEqual({ open: true, timeZone: 'Europe/Berlin' });
    expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'waiting_human' } });
    expect(await h.dbh.sql`select 1 from support_tickets where conversation_id = ${ready.conversationId}`).toHaveLength(0);
    socket.disconnect();
  });

  it('a site without hours is always open and says nothing about them', async () => {
    const { socket, ready } = await h.connect();
    expect(ready.hours).toBeUndefined();
    socket.disconnect();
  });
});

describe('site settings over REST (GET/PUT /api/sites)', () => {
  it('agents are refused (403) but may read the state; admins read every site without secrets or origins', async () => {
    clock = SATURDAY_NOON;
    expect((await api('/api/sites', agentToken)).status).toBe(403);
    expect((await api('/api/sites/demo-site', agentToken, { method: 'PUT', body: JSON.stringify({ branding: { title: 'X' } }) })).status).toBe(403);
    expect((await fetch(`${h.url}/api/sites`)).status).toBe(401);
    const state = await api('/api/sites/state', agentToken);
    expect(state.status).toBe(200);
    expect(((await state.json()) as { items: unknown[] }).items).toEqual([
      { siteKey: 'demo-site', state: { open: true, timeZone: 'UTC' } },
      { siteKey: 'hours-site', title: 'Hours Shop', state: { open: false, nextOpenAt: '2026-12-07T08:00:00.000Z', timeZone: 'Europe/Berlin' } },
    ]);

    const admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
    const res = await api('/api/sites', admin);
    expect(res.status).toBe(200);
    const raw = await res.text();
    expect(raw).not.toContain(IDENTITY_SECRET);
    expect(raw).not.toContain('shop.test');
    const { items } = JSON.parse(raw) as { items: { siteKey: string; hours: SiteHours; state: { open: boolean } }[] };
    expect(items.map((i) => i.siteKey)).toEqual(['demo-site', 'hours-site']);
    expect(items[1]).toMatchObject({ hours: HOURS, state: { open: false }, updatedAt: null });
  });

  it('invalid bodies are 400, unknown sites 404; a saved title and hours reach the next session:ready', async () => {
    clock = SATURDAY_NOON;
    const admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
    const put = (siteKey: string, body: unknown) => api(`/api/sites/${siteKey}`, admin, { method: 'PUT', body: JSON.stringify(body) });
    for (const bad of [
      {},
      { branding: { accentColor: 'red' } },
      { branding: { logoUrl: 'javascript:alert(1)' } },
      { branding: { identitySecret: 'stolen-secret-123' } },
      { allowedOrigins: ['https://evil.test'] },
      { hours: { timeZone: 'Mars/Olympus' } },
      { hours: { businessHours: { mon: [{ from: '17:00', to: '09:00' }] } } },
      { hours: { holidays: ['24.12.2026'] } },
    ]) {
      const r = await put('demo-site', bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    }
    expect((await put('no-such-site', { branding: { title: 'X' } })).status).toBe(404);

    const saved = await put('demo-site', { branding: { title: 'Saved Shop', accentColor: '#aa3300' }, hours: { timeZone: 'UTC', businessHours: { mon: [{ from: '08:00', to: '12:00' }] } } });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ siteKey: 'demo-site', branding: { title: 'Saved Shop', accentColor: '#aa3300' }, state: { open: false, nextOpenAt: '2026-12-07T08:00:00.000Z' } });
    const { socket, ready } = await h.connect();
    expect(ready.site).toEqual({ title: 'Saved Shop', accentColor: '#aa3300' });
    expect(ready.hours).toEqual({ open: false, nextOpenAt: '2026-12-07T08:00:00.000Z', timeZone: 'UTC' });
    socket.disconnect();

    // Saving only branding keeps the saved hours; a field left out falls back to SITES_JSON's.
    expect((await put('hours-site', { branding: { subtitle: 'Open on weekdays' } })).status).toBe(200);
    const { socket: s2, ready: r2 } = await h.connect(hoursSite);
    expect(r2.site).toEqual({ title: 'Hours Shop', subtitle: 'Open on weekdays' });
    expect(r2.hours?.open).toBe(false);
    s2.disconnect();
  });
});
