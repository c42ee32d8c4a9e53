// Issue 10: XSS payloads typed by a customer, an agent (reply and private note) and an admin (an
// agent's display name) are shown as text in the widget, the console and the dashboard, and no
// script runs anywhere.
import { expect, test, type Page } from '@playwright/test';
import { openStorefrontChat, send, bubbles } from './widget-helpers';
import { e2eEnv } from './env';

const web = () => e2eEnv.webUrl();
const gateway = () => e2eEnv.gatewayUrl();
const marker = `xss${Date.now().toString(36)}`;
const CUSTOMER_XSS = `<img src=x onerror="window.__xss='customer'"> ${marker}`;
const REPLY_XSS = `<script>window.__xss='reply'</script><svg onload="window.__xss='reply'">`;
const NOTE_XSS = `"><iframe src="javascript:top.__xss='note'"></iframe>`;
const NAME_XSS = `<img src=x onerror="window.__xss='name'">Eve`;

/** True when any page or frame saw a script from our payloads run (or a dialog open). */
async function scriptRan(page: Page) {
  for (const frame of page.frames()) {
    if (await frame.evaluate(() => (window as unknown as { __xss?: string }).__xss !== undefined).catch(() => false)) return true;
  }
  return false;
}

test('XSS payloads render as text in widget, console and dashboard; no script runs', async ({ browser }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const admin = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const created = await admin.request.post(gateway() + '/api/auth/login', { data: { email: 'admin@electromart.test', password: 'admin-password' } });
  expect(created.ok()).toBe(true);
  const user = await admin.request.post(gateway() + '/api/users', {
    data: { email: `${marker}@electromart.test`, name: NAME_XSS, role: 'agent', password: 'xss-agent-password' },
  });
  expect(user.status()).toBe(201);

  // Customer: an XSS message, then "Talk to a person".
  const shopCtx = await browser.newContext();
  const shop = await shopCtx.newPage();
  shop.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  const chat = await openStorefrontChat(shop);
  await send(chat, CUSTOMER_XSS);
  await expect(bubbles(chat, 'customer').filter({ hasText: CUSTOMER_XSS })).toBeVisible();
  await chat.getByRole('button', { name: 'Talk to a person' }).click();

  // Agent (the XSS-named one): sees the text, claims, replies and notes with payloads.
  const agentCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const agent = await agentCtx.newPage();
  agent.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  await agent.goto(web() + '/login');
  await agent.getByLabel('Email').fill(`${marker}@electromart.test`);
  await agent.getByLabel('Password').fill('xss-agent-password');
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await expect(agent).toHaveURL(/\/console$/);
  await agent.getByTestId('queue-item').filter({ hasText: marker }).click();
  await expect(agent.getByTestId('console-msg').filter({ hasText: CUSTOMER_XSS })).toBeVisible();
  await agent.keyboard.press('Alt+KeyC');
  await expect(agent.getByTestId('conversation-status')).toContainText('With agent');
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await expect(reply).toBeEnabled();
  await reply.fill(REPLY_XSS);
  await reply.press('Enter');
  await agent.getByRole('tab', { name: 'Private note' }).click();
  const note = agent.getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE_XSS);
  await note.press('Enter');
  await expect(agent.getByTestId('note').filter({ hasText: NOTE_XSS })).toBeVisible();
  await expect(agent.getByTestId('console-msg').filter({ hasText: REPLY_XSS })).toBeVisible();

  // Customer sees the agent's reply and name as text.
  await expect(bubbles(chat, 'human').filter({ hasText: REPLY_XSS })).toBeVisible();
  await expect(bubbles(chat, 'system').filter({ hasText: NAME_XSS }).first()).toBeVisible();

  // Dashboard: the agent's name in the per-agent table is text too.
  const dash = await admin.newPage();
  dash.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
  await dash.goto(web() + '/dashboard');
  await expect(dash.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await expect(dash.getByTestId('chart-humans').getByTestId('agent-row').filter({ hasText: NAME_XSS })).toBeVisible();

  for (const page of [shop, agent, dash]) expect(await scriptRan(page)).toBe(false);
  expect(dialogs).toEqual([]);
  // Close every context: an agent left online would change later specs' "nobody online" path.
  for (const ctx of [shopCtx, agentCtx, admin]) await ctx.close();
});
