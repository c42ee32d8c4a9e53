// Issue 20/21: an admin edits a shop's title and business hours on /console/admin (Sites); the shop's
// widget (examples/embed.html, Northwind Audio) shows the new title and, outside those hours, when
// people are back; "Talk to a person" then opens a ticket; the console shows the shop as closed.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { WEEKDAYS } from '@em/contracts/site';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server';
import { e2eEnv } from './env';
import { bubbles, screenshotPath, webUrl } from './widget-helpers';
import { ADMIN, signIn } from './console-helpers';

const SITE = 'northwind-audio';
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];


/** Puts the example shop back as SITES_JSON has it (other specs expect "Northwind Audio", always open). */
async function restoreSite() {
  const gw = e2eEnv.gatewayUrl();
  const login = await fetch(`${gw}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@electromart.test', password: 'admin-password' }) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${gw}/api/sites/${SITE}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ branding: {}, hours: {} }) });
  expect(res.status).toBe(200);
}

let examples: StaticServer;
test.beforeAll(async () => {
  examples = await startStaticServer({ dir: fileURLToPath(new URL('../examples', import.meta.url)), port: e2eEnv.examplePort(), webUrl: webUrl() });
});
test.afterAll(async () => {
  await restoreSite();
  await examples?.stop();
});

test('an admin renames a shop and sets its hours; its widget shows the title and when people are back; a person request becomes a ticket', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, ADMIN);
  await page.goto(`${webUrl()}/console/admin`);
  const sites = page.getByRole('region', { name: 'Sites' });
  await sites.getByLabel('Site', { exact: true }).click();
  await page.getByRole('option', { name: /Northwind Audio/ }).click();
  await expect(sites.getByLabel('Widget title')).toHaveValue('Northwind Audio');

  // A bad colour is refused at the field, before a round trip.
  await sites.getByLabel('Accent colour', { exact: true }).fill('teal');
  await sites.getByRole('button', { name: 'Save site' }).click();
  await expect(sites.getByText('Please fix the highlighted fields.')).toBeVisible();
  await sites.getByLabel('Accent colour', { exact: true }).fill('#6a1b9a');

  // The title, and hours on one day only (in two days, UTC): closed now, back then.
  await sites.getByLabel('Widget title').fill('Northwind Audio Outlet');
  await expect(sites.getByTestId('brand-preview')).toContainText('Northwind Audio Outlet');
  await sites.getByLabel('Answer only during business hours').check();
  // Start from an empty week (the demo shop comes with hours of its own in SITES_JSON).
  const removers = sites.getByRole('button', { name: /^Remove these hours/ });
  while ((await removers.count()) > 0) await removers.first().click();
  const day = (new Date().getUTCDay() + 6 + 2) % 7; // Monday = 0
  await sites.getByRole('button', { name: `Add hours (${DAY_NAMES[day]})` }).click();
  await expect(sites.getByTestId(`hours-${WEEKDAYS[day]}`)).toContainText('From');
  await sites.getByRole('button', { name: 'Save site' }).click();
  await expect(sites.getByText('Saved. New chats use these settings.')).toBeVisible();
  await expect(sites.getByTestId('site-state')).toHaveText(/^Closed until /);
  await page.screenshot({ path: screenshotPath('admin-sites-1366.png'), fullPage: true });

  // The shop's widget, in a new visitor's browser: its new title and colour, and the "back" line.
  const visitor = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const shop = await visitor.newPage();
  await shop.goto(`${examples.url}/embed.html`);
  await shop.getByTestId('em-launcher').click();
  const chat = shop.frameLocator('iframe[title="ElectroMart chat"]');
  await expect(chat.getByTestId('chat-widget')).toHaveAttribute('data-connection', 'online');
  await expect(chat.getByTestId('widget-title')).toHaveText('Northwind Audio Outlet');
  const notice = chat.getByTestId('hours-notice');
  await expect(notice).toHaveText(/^People are back \w{3},? .*\d:00.*\. The AI answers meanwhile\.$/);
  const talk = chat.getByRole('button', { name: 'Talk to a person' });
  await expect(talk).toHaveAttribute('aria-description', /^Outside our hours: we open a ticket, and people are back /);
  await shop.locator('iframe[title="ElectroMart chat"]').screenshot({ path: screenshotPath('widget-closed-1366.png') });

  // A person request outside hours: a ticket, and the AI stays.
  await talk.click();
  // (The email follow-up may add its own notice after this one.)
  await expect(bubbles(chat, 'system').filter({ hasText: /Our support team is away until .+, so I opened ticket TK-\d+ for you\./ })).toHaveCount(1);
  await expect(chat.getByTestId('owner-line')).toHaveText('AI answers instantly');

  // Phone size.
  await shop.setViewportSize({ width: 390, height: 844 });
  await shop.mouse.move(10, 600); // the click left the pointer on the button: its hover hint would cover the line
  await expect(chat.getByRole('tooltip')).toHaveCount(0);
  await expect(notice).toBeVisible();
  await shop.screenshot({ path: screenshotPath('widget-closed-phone.png') });
  await visitor.close();

  // The console shows the shop closed.
  await page.goto(`${webUrl()}/console`);
  await expect(page.getByTestId('site-hours')).toHaveText(/Northwind Audio Outlet: Closed until /);
  await page.screenshot({ path: screenshotPath('console-site-hours-1366.png') });
});
