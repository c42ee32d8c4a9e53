// Issue 15, finding 2, as it was found: a signed-in agent visits a page on ANOTHER PORT of the same
// host. The console cookie is SameSite=Lax, and that page is "same site", so the browser sends the
// cookie with the page's WebSocket to the gateway. Before the fix the page was connected to /agents
// as the agent (queue, claim, reply); now the gateway checks Origin and refuses it. The console
// itself, on the platform's origin, still connects (console-handoff.spec.ts covers its full flow).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { e2eEnv } from './env';

const web = () => e2eEnv.webUrl();
const gateway = () => e2eEnv.gatewayUrl();

/** The attacker's page: loads the Socket.IO client from the gateway and tries /agents with cookies. */
const attackerPage = (gatewayUrl: string) => `<!doctype html>
<meta charset="utf-8"><title>Free gift cards</title>
<script src="${gatewayUrl}/socket.io/socket.io.js"></script>
<script>
  const s = io('${gatewayUrl}/agents', { withCredentials: true, transports: ['websocket'], reconnection: false });
  s.on('queue:snapshot', (q) => { window.__result = 'connected:' + q.length; s.disconnect(); });
  s.on('connect_error', (e) => { window.__result = 'refused:' + ((e.data && e.data.code) || e.message); });
</script>`;

let attacker: Server;
let attackerUrl = '';
test.beforeAll(async () => {
  attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage(gateway())));
  await new Promise<void>((r) => attacker.listen(0, () => r())); // all interfaces: localhost may resolve to ::1
  // Same host name as the gateway and the console (localhost), another port: same site, other origin.
  attackerUrl = `http://${new URL(gateway()).hostname}:${(attacker.address() as AddressInfo).port}/`;
});
test.afterAll(async () => new Promise<void>((r) => attacker.close(() => r())));

test('a same-site page on another port cannot ride the agent cookie into /agents', async ({ browser }) => {
  const ctx = await browser.newContext();
  // The agent signs in on the console: the gateway sets the httpOnly em_console cookie in this browser.
  const page = await ctx.newPage();
  await page.goto(web() + '/login');
  await page.getByLabel('Email').fill('agent@electromart.test');
  await page.getByLabel('Password').fill('agent-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console$/);
  // The console on the platform's own origin connects to /agents as before.
  await expect(page.locator('[data-testid="console-connection"][data-connected="true"]')).toBeVisible();
  const cookies = await ctx.cookies(gateway());
  expect(cookies.map((c) => c.name)).toContain('em_console');

  // The same browser then opens the attacker's page (same host, another port).
  const evil = await ctx.newPage();
  await evil.goto(attackerUrl);
  expect(new URL(evil.url()).origin).not.toBe(new URL(web()).origin);
  await expect.poll(() => evil.evaluate(() => (window as unknown as { __result?: string }).__result), { timeout: 10_000 }).toBe('refused:forbidden');
  await ctx.close();
});
