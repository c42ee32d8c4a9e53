import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, loginConsole, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('auth', { worker: false });
});
afterAll(async () => h?.stop());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${h.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('console auth', () => {
  it('logs the seeded agent in and sets an httpOnly cookie', async () => {
    const res = await post('/api/auth/login', JSON.stringify({ email: 'agent@electromart.test', password: 'agent-password' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: { role: string; email: string } };
    expect(body.user).toMatchObject({ role: 'agent', email: 'agent@electromart.test' });
    expect(res.headers.get('set-cookie')).toMatch(/em_console=.*HttpOnly/i);
    const me = await fetch(`${h.url}/api/auth/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('agent@electromart.test');
  });

  it('refuses a wrong password and an unknown email with the same unauthorized answer', async () => {
    const a = await post('/api/auth/login', JSON.stringify({ email: 'agent@electromart.test', password: 'nope' }));
    const b = await post('/api/auth/login', JSON.stringify({ email: 'nobody@electromart.test', password: 'nope' }));
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(await a.json()).toEqual(await b.json());
  });

  it('refuses missing, forged and wrong-audience tokens', async () => {
    expect((await fetch(`${h.url}/api/auth/me`)).status).toBe(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect((await fetch(`${h.url}/api/auth/me`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const widgetToken = await h.deps.sessions.sign({ conversationId: crypto.randomUUID(), siteKey: 'demo-site', verified: false });
    expect((await fetch(`${h.url}/api/auth/me`, { headers: { authorization: `Bearer ${widgetToken}` } })).status).toBe(401);
  });

  it('answers malformed and oversize bodies with documented codes', async () => {
    const bad = await post('/api/auth/login', '{"email":');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    const big = await post('/api/auth/login', JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    const token = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
    expect(token.split('.')).toHaveLength(3);
  });
});
