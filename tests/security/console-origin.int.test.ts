// Issue 15, finding 2 (HTTP and socket level; the browser-level attack is e2e/console-origin.spec.ts):
// the console cookie (SameSite=Lax) rides along from any same-site page, so /agents and
// cookie-authenticated REST check Origin against the platform's own origin. Socket.IO's CORS gives
// credentials to the platform only; shop origins may open /chat, never /agents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { io } from 'socket.io-client';
import { closeAllClients, connectChat, refusalCode } from '../gateway/clients';

const PLATFORM = 'http://localhost:3000'; // the harness's platformOrigins
const SHOP = 'http://shop.test'; // demo-site's allowedOrigins in the harness
const SIBLING = 'http://localhost:3999'; // same site as the platform, another port: the attacker

let h: Harness;
let cookie: string;
let token: string;
beforeAll(async () => {
  h = await startHarness('origin', { worker: false });
  token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  cookie = `em_console=${token}`;
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

/** 'connected' once the queue snapshot arrives, else the connect_error code. */
const agentWithOrigin = (origin: string | undefined) =>
  new Promise<string>((resolve) => {
    const extraHeaders: Record<string, string> = { cookie, ...(origin ? { origin } : {}) };
    const s = io(`${h.url}/agents`, { extraHeaders, transports: ['websocket'], reconnection: false, forceNew: true });
    s.once('queue:snapshot', () => (s.disconnect(), resolve('connected')));
    s.once('connect_error', (e: Error & { data?: { code?: string } }) => (s.disconnect(), resolve(e.data?.code ?? e.message)));
  });

describe('/agents checks Origin before the cookie', () => {
  it('refuses a same-site page on another port, accepts the platform and non-browser clients', async () => {
    expect(await agentWithOrigin(SIBLING)).toBe('forbidden');
    expect(await agentWithOrigin(SHOP)).toBe('forbidden');
    expect(await agentWithOrigin(PLATFORM)).toBe('connected');
    expect(await agentWithOrigin(undefined)).toBe('connected');
  });
});

describe('cookie-authenticated REST checks Origin', () => {
  const get = (headers: Record<string, string>) => fetch(`${h.url}/api/conversations`, { headers });
  it('refuses the cookie from a foreign origin with 403 forbidden', async () => {
    const res = await get({ cookie, origin: SIBLING });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get({ cookie, origin: 'null' })).status).toBe(403);
  });

  it('accepts the cookie from the platform or without Origin, and a Bearer token from anywhere', async () => {
    expect((await get({ cookie, origin: PLATFORM })).status).toBe(200);
    expect((await get({ cookie })).status).toBe(200);
    expect((await get({ authorization: `Bearer ${token}`, origin: SIBLING })).status).toBe(200);
  });
});

describe('Socket.IO CORS and per-namespace origins', () => {
  const preflight = (origin: string) => fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
  it('gives credentials to the platform only; shops get plain CORS; others none', async () => {
    const platform = await preflight(PLATFORM);
    expect(platform.headers.get('access-control-allow-origin')).toBe(PLATFORM);
    expect(platform.headers.get('access-control-allow-credentials')).toBe('true');
    const shop = await preflight(SHOP);
    expect(shop.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(shop.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight(SIBLING)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("a shop's origin opens its own /chat", async () => {
    expect(await refusalCode(connectChat(h.url, { siteKey: 'demo-site' }, { extraHeaders: { origin: SHOP } }))).toBe('connected');
  });
});
