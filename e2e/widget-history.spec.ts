import { expect, test } from '@playwright/test';
import { ask, bubbles, openChat, openStorefrontChat } from './widget-helpers';

test('a reload keeps the conversation and its history', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'guest');
  await ask(chat, 'What is your return policy?');
  await ask(chat, 'Do you ship internationally?');
  const widget = chat.locator('[data-testid="chat-widget"]');
  const conversationId = await widget.getAttribute('data-conversation-id');
  const texts = await chat.getByTestId('msg-text').allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(4);

  await page.reload();
  const again = await openChat(page);
  await expect(again.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-conversation-id', conversationId!);
  await expect(again.getByTestId('msg-text')).toHaveText(texts);
  await expect(bubbles(again, 'customer').first()).toContainText('return policy');
});
