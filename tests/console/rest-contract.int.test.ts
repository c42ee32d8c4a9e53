// The gateway's REST bodies are exactly the @em/contracts/rest schemas the web app parses them with:
// each parses, and parsing drops nothing (a key the schema does not know would be lost in the console).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CannedListResponse,
  CannedResponse,
  ConsoleUser,
  ConsoleUserListResponse,
  ConversationDetailResponse,
  ConversationListResponse,
  ErrorResponse,
  HealthResponse,
  LoginResponse,
  MeResponse,
  ReadinessResponse,
} from '@em/contracts/rest';
import { identityHash } from '@em/config/identity';
import { IDENTITY_SECRET, nextReply, startHarness, type Harness } from '../harness';

let h: Harness;
let admin: string;

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const res = await fetch(`${h.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
  });
  return { status: res.status, body: (await res.json()) as unknown };
}
/** Parses with the contract and checks nothing was stripped or coerced. */
function exactly<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}

beforeAll(async () => {
  h = await startHarness('rest_contract');
  const login = await call('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'admin@electromart.test', password: 'admin-password' }) });
  admin = exactly(LoginResponse, login.body).token;
});
afterAll(async () => h?.stop());

describe('REST bodies match @em/contracts/rest', () => {
  it('ops and auth', async () => {
    exactly(HealthResponse, (await call('/health')).body);
    exactly(ReadinessResponse, (await call('/ready')).body);
    expect(exactly(MeResponse, (await call('/api/auth/me', { token: admin })).body).user?.role).toBe('admin');
    const refused = await call('/api/auth/me');
    expect(refused.status).toBe(401);
    exactly(ErrorResponse, refused.body);
  });

  it('conversation list and detail: a verified customer with orders, escalated', async () => {
    const email = 'alice@example.com';
    const { socket, ready } = await h.connect({ siteKey: 'demo-site', identity: { email, name: 'Alice Martin', hash: identityHash(email, IDENTITY_SECRET) } });
    const sent = await socket.emitWithAck('message:send', { clientMessageId: crypto.randomUUID(), text: 'Where is my order EM-10001?' });
    if (!sent.ok) throw new Error(sent.error.message);
    await nextReply(socket, sent.data.messageId);
    await socket.emitWithAck('conversation:request-human', { reason: 'I want a person' });
    socket.disconnect();

    // Nobody is online in this suite, so the handoff opens a ticket and the AI answers meanwhile (DESIGN §5).
    const list = exactly(ConversationListResponse, (await call('/api/conversations?view=all', { token: admin })).body);
    expect(list.items.find((i) => i.id === ready.conversationId)).toMatchObject({ escalationReason: 'customer_request', customerEmail: email });
    const detail = exactly(ConversationDetailResponse, (await call(`/api/conversations/${ready.conversationId}`, { token: admin })).body);
    expect(detail.brief).toMatchObject({ reason: 'customer_request', reasonLabel: 'Customer asked for a person' });
    expect(detail.messages.map((m) => m.role)).toEqual(expect.arrayContaining(['customer', 'bot']));
    // The AI's turn carries its route, sentiment and per-turn details (timings), all typed by the contract.
    expect(detail.messages.find((m) => m.role === 'bot')).toMatchObject({ route: { domain: 'logistics' }, details: { timings: expect.any(Object) } });
    expect(detail.customer).toMatchObject({ email, verified: true });
    expect(detail.orders.length).toBeGreaterThan(0);
  });

  it('canned responses and console users (admin)', async () => {
    const canned = exactly(CannedListResponse, (await call('/api/canned-responses', { token: admin })).body);
    expect(canned.items.length).toBeGreaterThan(0);
    const created = await call('/api/canned-responses', { token: admin, method: 'POST', body: JSON.stringify({ shortcut: 'contract', title: 'Contract', text: 'Hello.' }) });
    expect(created.status).toBe(201);
    const c = exactly(CannedResponse, created.body);
    exactly(CannedResponse, (await call(`/api/canned-responses/${c.id}`, { token: admin, method: 'PATCH', body: JSON.stringify({ title: 'Renamed' }) })).body);
    exactly(ConsoleUserListResponse, (await call('/api/users', { token: admin })).body);
    const user = await call('/api/users', { token: admin, method: 'POST', body: JSON.stringify({ email: 'contract@electromart.test', name: 'Con Tract', role: 'agent', password: 'contract-password' }) });
    const u = exactly(ConsoleUser, user.body);
    exactly(ConsoleUser, (await call(`/api/users/${u.id}`, { token: admin, method: 'PATCH', body: JSON.stringify({ name: 'Con T.' }) })).body);
  });
});
