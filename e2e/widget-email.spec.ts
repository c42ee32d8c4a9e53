// Email follow-up in the widget (issue 20): a guest whose request for a person becomes a ticket
// (nobody online) is asked for an email in the chat and in an inline form; the form checks the
// address, the chat confirms where the ticket's confirmation went; "Email me this conversation"
// sends the transcript to the address now known. The platform's worker writes the mail to its
// mailbox directory (.data/mail, no SMTP_URL); tests/mail covers SMTP itself.
import { expect, test } from '@playwright/test';
import { ask, bubbles, openStorefrontChat, shootWidget } from './widget-helpers';

test('a guest with a ticket gives an email in the inline form, then asks for the transcript by mail', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'guest');
  await ask(chat, 'What is your return policy?');
  await chat.getByRole('button', { name: 'Talk to a person' }).click();
  await expect(bubbles(chat, 'system').filter({ hasText: /opened ticket TK-\d+/ })).toHaveCount(1);
  await expect(bubbles(chat, 'system').filter({ hasText: 'leave your email address' })).toHaveCount(1);
  const ticket = /TK-\d+/.exec((await bubbles(chat, 'system').filter({ hasText: /opened ticket/ }).textContent()) ?? '')?.[0];

  const form = chat.getByTestId('email-follow-up');
  const input = form.getByRole('textbox', { name: 'Email address' });
  await expect(input).toBeVisible();
  await input.fill('not an address');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText('Please enter a valid email address.');
  await shootWidget(page, 'widget-email-form.png');

  await input.fill('e2e.guest@example.com');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByTestId('email-done')).toContainText('e2e.guest@example.com');
  await expect(input).toHaveCount(0);
  await expect(bubbles(chat, 'system').filter({ hasText: `confirmation of ticket ${ticket} to e2e.guest@example.com` })).toHaveCount(1);

  await form.getByRole('button', { name: 'Email me this conversation' }).click();
  await expect(form.getByTestId('email-done')).toContainText('We are sending this conversation to e2e.guest@example.com');
});
