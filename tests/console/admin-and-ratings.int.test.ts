// Issue 19 (console): an admin resets a user's password (same rule as creation, that user's sessions
// end), agents may not; canned responses are edited in place; an agent sees the ratings of the
// conversations they resolved and an admin sees all (rating-visibility.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleUser, ConversationDetailResponse, ConversationListResponse, MeResponse } from '@em/contracts/rest';
import { createConversation, rateConversation, setStatus } from '@em/db/queries/conversations';
import { loginConsole, startHarness, type Harness } from '../harness';

let h: Harness;
let admin: string;
let agent: string;
let second: string;
let secondId: string;

const api = (path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
const json = async (path: string, token: string, init: RequestInit = {}) => {
  const res = await api(path, token, init);
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as unknown) };
};

beforeAll(async () => {
  h = await startHarness('console_admin19');
  admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
  agent = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  const created = await json('/api/users', admin, {
    method: 'POST',
    body: JSON.stringify({ email: 'reset@electromart.test', name: 'Riley Reset', role: 'agent', password: 'first-password' }),
  });
  expect(created.status).toBe(201);
  secondId = ConsoleUser.parse(created.body).id;
  second = await loginConsole(h.url, 'reset@electromart.test', 'first-password');
});
afterAll(async () => h?.stop());

describe('password reset by an admin', () => {
  it('refuses agents, short passwords and unknown users', async () => {
    expect((await api(`/api/users/${secondId}/password`, agent, { method: 'POST', body: JSON.stringify({ password: 'agent-tries-this' }) })).status).toBe(403);
    const short = await json(`/api/users/${secondId}/password`, admin, { method: 'POST', body: JSON.stringify({ password: 'short' }) });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('at least 10 characters');
    const missing = await api('/api/users/00000000-0000-4000-8000-000000000000/password', admin, { method: 'POST', body: JSON.stringify({ password: 'long-enough-password' }) });
    expect(missing.status).toBe(404);
    // Nothing changed: the user's session still works.
    expect((await api('/api/auth/me', second)).status).toBe(200);
  });

  it('sets the new password and ends every session of that user', async () => {
    const res = await json(`/api/users/${secondId}/password`, admin, { method: 'POST', body: JSON.stringify({ password: 'second-password-2' }) });
    expect(res.status).toBe(200);
    expect(ConsoleUser.parse(res.body)).toMatchObject({ id: secondId, email: 'reset@electromart.test' });
    expect((await api('/api/auth/me', second)).status).toBe(401); // the token signed before the reset
    await expect(loginConsole(h.url, 'reset@electromart.test', 'first-password')).rejects.toThrow(/401/);
    const fresh = await loginConsole(h.url, 'reset@electromart.test', 'second-password-2');
    expect((await api('/api/auth/me', fresh)).status).toBe(200);
    // The admin's own session is untouched.
    expect((await api('/api/auth/me', admin)).status).toBe(200);
  });
});

describe('canned responses are edited in place', () => {
  it('PATCH changes the text and keeps the shortcut', async () => {
    const made = await json('/api/canned-responses', admin, { method: 'POST', body: JSON.stringify({ shortcut: 'edit-me', title: 'Edit me', text: 'Old text.' }) });
    const id = (made.body as { id: string }).id;
    const edited = await json(`/api/canned-responses/${id}`, admin, { method: 'PATCH', body: JSON.stringify({ text: 'New text.' }) });
    expect(edited).toMatchObject({ status: 200, body: { id, shortcut: 'edit-me', title: 'Edit me', text: 'New text.' } });
    expect((await api(`/api/canned-responses/${id}`, agent, { method: 'PATCH', body: JSON.stringify({ text: 'x' }) })).status).toBe(403);
  });
});

describe('ratings in the console: agents their own, admins all', () => {
  it('shows a rating and its comment to the agent who resolved it and to admins only', async () => {
    const me = MeResponse.parse(await (await api('/api/auth/me', agent)).json()).user!;
    const conv = await createConversation(h.deps.db, { siteKey: 'demo-site' });
    await setStatus(h.deps.db, conv.id, 'waiting_human', { reason: 'customer_request' });
    await setStatus(h.deps.db, conv.id, 'human', { agentId: me.id });
    await setStatus(h.deps.db, conv.id, 'resolved', { agentId: me.id });
    await rateConversation(h.deps.db, conv.id, 4, 'Quick and kind');
    // The customer wrote again: the AI owns it now, the rating still belongs to the resolver.
    await setStatus(h.deps.db, conv.id, 'bot');

    const detail = async (token: string) => ConversationDetailResponse.parse((await json(`/api/conversations/${conv.id}`, token)).body).conversation;
    expect(await detail(agent)).toMatchObject({ csatScore: 4, csatComment: 'Quick and kind' });
    expect(await detail(admin)).toMatchObject({ csatScore: 4, csatComment: 'Quick and kind' });
    const fresh = await loginConsole(h.url, 'reset@electromart.test', 'second-password-2');
    expect(await detail(fresh)).toMatchObject({ csatScore: null, csatComment: null });

    // In the lists an agent sees the scores of conversations they own.
    await setStatus(h.deps.db, conv.id, 'waiting_human', { reason: 'customer_request' });
    await setStatus(h.deps.db, conv.id, 'human', { agentId: me.id });
    const row = async (token: string) => ConversationListResponse.parse((await json('/api/conversations?view=all&pageSize=100', token)).body).items.find((i) => i.id === conv.id);
    expect(await row(agent)).toMatchObject({ csatScore: 4 });
    expect(await row(admin)).toMatchObject({ csatScore: 4 });
    expect(await row(fresh)).toMatchObject({ csatScore: null });
  });
});
