import { expect, test } from '@playwright/test';
import { ask, openStorefrontChat, openChat } from './widget-helpers';

test('replies that arrive while the chat is closed show an unread badge on the launcher', async ({ context }) => {
  // Two tabs of the same shop share the session token, so they are one conversation.
  const tabA = await context.newPage();
  await openStorefrontChat(tabA, 'guest');
  await tabA.getByRole('button', { name: 'Close chat' }).click(); // close: the widget stays loaded
  const badge = tabA.getByTestId('em-unread');
  await expect(badge).toBeHidden();

  const tabB = await context.newPage();
  const chatB = await openStorefrontChat(tabB, 'guest');
  await ask(chatB, 'What is your return policy?');

  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('1');
  await openChat(tabA);
  await expect(badge).toBeHidden();
});
