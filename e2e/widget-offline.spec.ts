import { expect, test } from '@playwright/test';
import { bubbles, openChat, openStorefrontChat, send } from './widget-helpers';

test('going offline while sending, then online again, loses nothing and duplicates nothing', async ({ page, context }) => {
  const chat = await openStorefrontChat(page, 'guest');
  const widget = chat.locator('[data-testid="chat-widget"]');

  // 1. The network drops right as a message is sent.
  await send(chat, 'What is your return policy?');
  await context.setOffline(true);
  await expect(chat.getByTestId('offline-banner')).toBeVisible();
  await expect(widget).toHaveAttribute('data-connection', 'offline');

  // 2. Two more are written while offline: they wait, marked as sending.
  await send(chat, 'Do you ship internationally?');
  await send(chat, 'How long does delivery take?');
  await expect(bubbles(chat, 'customer')).toHaveCount(3);
  await expect(bubbles(chat, 'customer').last()).toHaveAttribute('data-status', 'sending');

  // 3. Back online: everything is delivered exactly once and answered.
  await context.setOffline(false);
  await expect(widget).toHaveAttribute('data-connection', 'online');
  await expect(chat.getByTestId('offline-banner')).toHaveCount(0);
  const mine = bubbles(chat, 'customer');
  await expect(mine).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(mine.nth(i)).toHaveAttribute('data-status', 'sent');
  await expect(bubbles(chat, 'bot')).toHaveCount(3);
  await expect(chat.locator('[data-streaming="true"]')).toHaveCount(0);

  // 4. The server agrees: after a reload the history has each message once, in order.
  await page.reload();
  const again = await openChat(page);
  const texts = await bubbles(again, 'customer').getByTestId('msg-text').allTextContents();
  expect(texts.map((t) => t.replace(/^You: /, ''))).toEqual([
    'What is your return policy?',
    'Do you ship internationally?',
    'How long does delivery take?',
  ]);
  await expect(bubbles(again, 'bot')).toHaveCount(3);
});
