import { expect, test } from '@playwright/test';
import { ask, openStorefrontChat } from './widget-helpers';

test('signed in as Alice, an order question is answered with its tracking number', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'alice');
  await expect(chat.getByTestId('session-subtitle')).toContainText('Alice');
  const reply = await ask(chat, 'where is my order EM-10001?');
  await expect(reply).toContainText('1Z999AA10123456784');
  // The answer comes from the logistics specialist, badged as AI.
  await expect(reply.getByTestId('agent-badge')).toHaveAttribute('data-kind', 'ai');
});

test('a guest asking the same is asked for the email on the order, and gets no details', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'guest');
  const reply = await ask(chat, 'where is my order EM-10001?');
  await expect(reply).toContainText(/email/i);
  await expect(reply).not.toContainText('1Z999AA10123456784');
});
