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
