import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server';
import { ask, bubbles, webUrl } from './widget-helpers';
import { e2eEnv } from './env';

// examples/embed.html from ANOTHER origin (E2E_EXAMPLE_PORT, allowed by the gateway via global-setup).
let examples: StaticServer;
test.beforeAll(async () => {
  examples = await startStaticServer({
    dir: fileURLToPath(new URL('../examples', import.meta.url)),
    port: e2eEnv.examplePort(),
    webUrl: webUrl(),
  });
});
test.afterAll(async () => examples?.stop());

test('a plain page on another origin embeds the widget with one script tag and completes a conversation', async ({ page }) => {
  await page.goto(`${examples.url}/embed.html`);
  expect(new URL(page.url()).origin).not.toBe(new URL(webUrl()).origin);
  const log = page.getByTestId('event-log');

  const launcher = page.getByTestId('em-launcher');
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const frame = page.locator('iframe[title="ElectroMart chat"]');
  await expect(frame).toHaveAttribute('src', `${webUrl()}/widget`);
  const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
  await expect(chat.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-connection', 'online');
  await expect(log).toContainText('opened');
  await expect(log).toContainText('ready');
  // Northwind Audio is a shop of its own (SITES_JSON): its name, subtitle, colour and welcome, not ours.
  await expect(chat.getByTestId('widget-title')).toHaveText('Northwind Audio');
  await expect(chat.getByTestId('session-subtitle')).toHaveText('Headphones and speakers, answered fast');
  await expect(chat.getByTestId('welcome')).toContainText('Welcome to Northwind Audio');
  await expect(chat.locator('header').first()).toHaveCSS('background-color', 'rgb(0, 105, 92)');

  const first = await ask(chat, 'What is your return policy?');
  await expect(first).toContainText('30 days');
  const second = await ask(chat, 'Do you have any promotions right now?');
  await expect(second).not.toBeEmpty();
  await expect(bubbles(chat, 'customer')).toHaveCount(2);
  // Every message crossed the bridge to the host page.
  await expect(log).toContainText('message customer: What is your return policy?');
  await expect(log).toContainText('message bot:');

  // The API from the host page: close(), toggle(), and the widget's own close button.
  await page.getByRole('button', { name: 'close()' }).click();
  await expect(frame).toBeHidden();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(log).toContainText('closed');
  await page.getByRole('button', { name: 'toggle()' }).click();
  await expect(frame).toBeVisible();
  await chat.getByRole('button', { name: 'Close chat' }).click();
  await expect(frame).toBeHidden();

  // reset(): a new guest conversation, the old history gone.
  await page.getByRole('button', { name: 'reset()' }).click();
  await page.getByRole('button', { name: 'open()' }).click();
  await expect(chat.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-connection', 'online');
  await expect(bubbles(chat, 'customer')).toHaveCount(0);
});

test('the widget ignores postMessage from anyone but its parent page', async ({ page }) => {
  await page.goto(`${examples.url}/embed.html`);
  await page.getByRole('button', { name: 'Open chat' }).click();
  const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
  await expect(chat.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-connection', 'online');
  const widgetFrame = page.frames().find((f) => f.url().startsWith(`${webUrl()}/widget`))!;
  // A message from the widget's own window (not the parent) asking to switch identity is ignored.
  await widgetFrame.evaluate(() =>
    window.postMessage({ type: 'em:init', siteKey: 'other-site', identity: { email: 'eve@example.com', hash: '0'.repeat(64) } }, '*'),
  );
  await page.waitForTimeout(500);
  await expect(chat.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-connection', 'online');
  await expect(chat.getByTestId('notice')).toHaveCount(0);
});
