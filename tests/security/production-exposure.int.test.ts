// Issue 15, finding 8 (gateway side; the web app's headers are in production-web.int.test.ts):
// production refuses an open /metrics; the platform's own origin no longer opens /chat for every site
// key (only for the shop page that framed the hosted widget); bull-board's page may not fetch fonts
// from the internet. Real HTTP and Socket.IO against the in-process gateway and the built process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { closeAllClients, connectChat, refusalCode } from '../gateway/clients';
import { ensureGatewayBuilt } from '../gateway/processes';
import { childEnv } from '../../scripts/lib/env';

const PLATFORM = 'http://localhost:3000'; // the harness's platform origin
const SHOP = 'http://shop.test'; // demo-site's own origin in the harness
let h: Harness;
beforeAll(async () => {
  h = await startHarness('exposure', { worker: false });
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

describe('/chat origins per site key', () => {
  const open = (origin: string, embedOrigin?: string) =>
    refusalCode(connectChat(h.url, { siteKey: 'demo-site', ...(embedOrigin ? { embedOrigin } : {}) }, { extraHeaders: { origin } }));

  it("the platform's origin opens a site only for the shop page that framed the widget", async () => {
    expect(await open(PLATFORM, SHOP)).toBe('connected');
    expect(await open(PLATFORM, 'https://evil.example')).toBe('unauthorized');
    // demo-site does not list the platform's origin in this harness: the bare platform origin is refused.
    expect(await open(PLATFORM)).toBe('unauthorized');
    // A shop's own page still connects directly; a foreign page can't borrow embedOrigin.
    expect(await open(SHOP)).toBe('connected');
    expect(await open('https://evil.example', SHOP)).toBe('unauthorized');
  });
});

describe('bull-board', () => {
  it('has a CSP that names no internet host (Google Fonts is blocked, never fetched)', async () => {
    const admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
    const res = await fetch(`${h.url}/admin/queues`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).not.toMatch(/https?:\/\//);
  });
});

describe('/metrics in production', () => {
  it('the built gateway refuses to start without METRICS_TOKEN', async () => {
    ensureGatewayBuilt();
    const proc = spawn(process.execPath, ['apps/gateway/dist/main.js'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: childEnv({
        NODE_ENV: 'production',
        DATABASE_URL: h.dbUrl,
        PORT: '0',
        METRICS_TOKEN: '',
        SITE_IDENTITY_SECRET: 'identity-secret-for-production-0123456789',
        SESSION_SECRET: 'session-secret-for-production-0123456789',
        CONSOLE_JWT_SECRET: 'console-secret-for-production-0123456789',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    for (const s of [proc.stdout, proc.stderr]) s.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code).not.toBe(0);
    expect(out).toMatch(/without METRICS_TOKEN/);
  });
});
