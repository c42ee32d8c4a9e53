import { expect, test } from '@playwright/test';
import { e2eEnv } from './env';

const web = () => e2eEnv.webUrl();

test('a shopper opens the widget on the storefront and gets the 30-day return policy', async ({ page }) => {
  await page.goto(web() + '/');
  await expect(page.getByRole('heading', { name: /ElectroMart/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Open chat' }).click();
  const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
  const box = chat.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill('What is your return policy?');
  await box.press('Enter');
  const bot = chat.locator('[data-testid="msg"][data-role="bot"]').last();
  await expect(bot).toContainText('30 days');
  await page.screenshot({ path: 'test-results/storefront-widget.png' });
});

test('the storefront has an icon (no 404s) and its product cards are reachable by keyboard', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
  await page.goto(web() + '/');
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
  const card = page.getByTestId('product').first();
  await card.focus();
  await expect(card).toBeFocused();
  await page.keyboard.press('Tab');
  // Tab moves on to the next card: each card is one stop, named by its product.
  await expect(page.getByTestId('product').nth(1)).toBeFocused();
  await expect(page.getByTestId('product').nth(1)).toHaveAccessibleName(/\S/);
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);
});
