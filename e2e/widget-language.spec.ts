import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server';
import { e2eEnv } from './env';
import { webUrl } from './widget-helpers';

// Issue 21: the widget speaks the customer's language: the loader's `locale`, then the shop's
// setting, then the browser's languages; English when none of them is one we have.
test.describe('a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('gets the widget in German, with times formatted the German way', async ({ page }) => {
    await page.goto(`${webUrl()}/widget`);
    const widget = page.getByTestId('chat-widget');
    await expect(widget).toHaveAttribute('data-connection', 'online');
    await expect(widget).toHaveAttribute('data-locale', 'de');
    await expect(page.getByRole('button', { name: 'Mit einem Menschen sprechen' })).toBeVisible();
    await expect(page.getByTestId('owner-line')).toHaveText('Die KI antwortet sofort');
    const box = page.getByRole('textbox', { name: 'Nachricht' });
    await expect(box).toHaveAttribute('placeholder', 'Nachricht eingeben…');
    await box.fill('Hallo');
    await box.press('Enter');
    // "Gesendet · 14:05" (24-hour clock), never "Sent · 2:05 PM".
    await expect(page.getByText(/^Gesendet · \d{1,2}:\d{2}$/)).toBeVisible();
  });

  test('the loader or the URL may choose another language', async ({ page }) => {
    await page.goto(`${webUrl()}/widget?locale=fr`);
    await expect(page.getByTestId('chat-widget')).toHaveAttribute('data-locale', 'fr');
    await expect(page.getByRole('button', { name: 'Parler à une personne' })).toBeVisible();
  });
});

test.describe('a browser in a language we do not have', () => {
  test.use({ locale: 'ja-JP' });

  test('falls back to English', async ({ page }) => {
    await page.goto(`${webUrl()}/widget`);
    await expect(page.getByTestId('chat-widget')).toHaveAttribute('data-locale', 'en');
    await expect(page.getByRole('button', { name: 'Talk to a person' })).toBeVisible();
  });
});

test.describe("a shop's own language", () => {
  test.use({ locale: 'de-DE' });
  let examples: StaticServer;
  test.beforeAll(async () => {
    examples = await startStaticServer({ dir: fileURLToPath(new URL('../examples', import.meta.url)), port: e2eEnv.examplePort(), webUrl: webUrl() });
  });
  test.afterAll(async () => examples?.stop());

  test("wins over the browser's: Northwind Audio is set to English", async ({ page }) => {
    await page.goto(`${examples.url}/embed.html`);
    await page.getByTestId('em-launcher').click();
    const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
    await expect(chat.getByTestId('chat-widget')).toHaveAttribute('data-connection', 'online');
    await expect(chat.getByTestId('chat-widget')).toHaveAttribute('data-locale', 'en');
    await expect(chat.getByTestId('widget-title')).toHaveText('Northwind Audio');
  });
});
