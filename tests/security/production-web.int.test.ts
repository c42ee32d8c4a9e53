// Issue 15, finding 1: the demo storefront signed any customer's identity for anyone (`/?as=alice`),
// in every environment, with a SITE_IDENTITY_SECRET that silently defaulted to the development value.
// Now, with NODE_ENV=production, the built web app refuses to start on the default secret and its
// storefront neither shows the switch nor signs anyone; in development the switch still works.
// Real `next start` processes of the built app (apps/web/.next, built by `pnpm test` / `pnpm start`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_SECRET } from '@em/config/env';
import { identityHash } from '@em/config/identity';
import { freePort } from '../../scripts/lib/services';
import { childEnv } from '../../scripts/lib/env';
import { SERVICE_ENTRY, stopChild, waitForHttp } from '../../scripts/lib/processes';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SECRET = 'a-real-production-identity-secret-0123';
const aliceHash = identityHash('alice@example.com', SECRET);
const started: ChildProcess[] = [];
afterAll(async () => Promise.all(started.map((c) => stopChild(c))));

async function startWeb(env: Record<string, string>) {
  if (!existsSync(path.join(repoRoot, 'apps/web/.next/BUILD_ID'))) throw new Error('apps/web is not built: run `pnpm --filter @em/web build` (pnpm test builds it first)');
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVICE_ENTRY.web(port)], {
    cwd: repoRoot,
    // No DATABASE_URL: the storefront then shows a notice instead of the catalog, which is enough here.
    env: childEnv({ DATABASE_URL: '', SITE_IDENTITY_SECRET: '', SITES_JSON: '', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  for (const s of [child.stdout, child.stderr]) s?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { url: `http://127.0.0.1:${port}`, child, exited, output: () => output };
}

describe('web app in production', () => {
  it('refuses to start with the development SITE_IDENTITY_SECRET (or none)', async () => {
    for (const secret of [DEV_SECRET, '']) {
      const web = await startWeb({ NODE_ENV: 'production', SITE_IDENTITY_SECRET: secret });
      const code = await Promise.race([web.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 20_000))]);
      expect(code).not.toBe('running');
      expect(code).not.toBe(0);
      expect(web.output()).toMatch(/refusing to start.*SITE_IDENTITY_SECRET/i);
      expect(web.output()).not.toContain(DEV_SECRET);
    }
  }, 60_000);

  it('has no identity switch: /?as=alice serves a guest storefront, no identity signed', async () => {
    const web = await startWeb({ NODE_ENV: 'production', SITE_IDENTITY_SECRET: SECRET });
    await waitForHttp(web.url, 30_000, web.child);
    const html = await (await fetch(`${web.url}/?as=alice`)).text();
    expect(html).toContain('ElectroMart');
    expect(html).not.toContain(aliceHash);
    expect(html).not.toContain('alice@example.com');
    expect(html).not.toContain('data-testid="as-alice"');
  }, 60_000);

  // Issue 15, finding 8: CSP, HSTS and nosniff on every page; /widget framed only by the shops' origins.
  it('sends CSP, HSTS and nosniff; only listed shops may frame /widget, nobody frames the rest', async () => {
    const web = await startWeb({
      NODE_ENV: 'production',
      SITE_IDENTITY_SECRET: SECRET,
      PUBLIC_GATEWAY_URL: 'https://api.shop.example',
      ALLOWED_ORIGINS: 'https://shop.example',
      SITES_JSON: JSON.stringify([{ siteKey: 'b', identitySecret: 'shop-b-identity-secret-0123456789', allowedOrigins: ['https://b.example'] }]),
    });
    await waitForHttp(web.url, 30_000, web.child);
    const page = await fetch(`${web.url}/login`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self' https://api.shop.example wss://api.shop.example");
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const widget = (await fetch(`${web.url}/widget`)).headers.get('content-security-policy') ?? '';
    expect(widget).toMatch(/frame-ancestors 'self' https:\/\/shop\.example https:\/\/b\.example(;|$)/);
    expect(widget).not.toContain('frame-ancestors *');
  }, 60_000);
});

describe('web app in development', () => {
  it('still lets a developer switch between Alice, Bob and a guest', async () => {
    const web = await startWeb({ NODE_ENV: 'development', SITE_IDENTITY_SECRET: SECRET });
    await waitForHttp(web.url, 30_000, web.child);
    const alice = await (await fetch(`${web.url}/?as=alice`)).text();
    expect(alice).toContain(aliceHash);
    for (const who of ['alice', 'bob', 'guest']) expect(alice).toContain(`data-testid="as-${who}"`);
    const guest = await (await fetch(`${web.url}/?as=guest`)).text();
    expect(guest).not.toContain(aliceHash);
  }, 60_000);
});
