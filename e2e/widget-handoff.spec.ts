import { expect, test } from '@playwright/test';
import { ask, bubbles, openStorefrontChat, type ChatApi } from './widget-helpers';

test('"Talk to a person" shows the handoff notice and the waiting status', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'bob');
  await ask(chat, 'Do you sell noise cancelling headphones?');
  const events: unknown[] = [];
  await page.exposeFunction('__recordHandoff', (e: unknown) => events.push(e));
  await page.evaluate(() => {
    const w = window as unknown as { ElectroMartChat: ChatApi; __recordHandoff: (e: unknown) => void };
    w.ElectroMartChat.on('handoff', (e) => w.__recordHandoff(e));
  });

  const button = chat.getByRole('button', { name: 'Talk to a person' });
  await button.click();
  await expect(chat.getByTestId('handoff-notice')).toContainText('Connecting you with a person');
  const banner = chat.locator('[data-testid="status-banner"]');
  await expect(banner).toHaveAttribute('data-status', 'waiting_human');
  await expect(banner).toContainText('Waiting for a person');
  await expect(bubbles(chat, 'system').last()).toBeVisible();
  // Asking twice makes no sense while waiting.
  await expect(button).toBeDisabled();
  // The host page hears about it through the bridge.
  await expect.poll(() => events.length).toBeGreaterThan(0);
  expect(events[0]).toMatchObject({ to: 'human' });
});
