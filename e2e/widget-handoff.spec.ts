import { expect, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { ask, bubbles, openStorefrontChat, type ChatApi } from './widget-helpers';
import { e2eEnv } from './env';

const gateway = () => e2eEnv.gatewayUrl();

test('"Talk to a person" with nobody online: a ticket is opened and the AI keeps helping', async ({ page }) => {
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
  // Told the truth: nobody is online, the ticket, how they hear back (Bob is signed in: by email), the AI stays.
  const notice = bubbles(chat, 'system').last();
  await expect(notice).toContainText(/No one from our support team is online right now, so I opened ticket TK-\d+/);
  await expect(notice).toContainText('follow up with you by email');
  await expect(notice).toContainText("I'm still here");
  // Back to the normal AI state: no waiting banner, the button usable again, questions answered.
  await expect(chat.getByTestId('status-banner')).toHaveCount(0);
  await expect(button).toBeEnabled();
  await expect(ask(chat, 'What is your return policy?')).resolves.toContainText('30 days');
  // The host page hears about it through the bridge.
  await expect.poll(() => events.length).toBeGreaterThan(0);
  expect(events[0]).toMatchObject({ to: 'human' });
});

test.describe('with an agent signed in', () => {
  let agent: Socket;
  test.beforeAll(async () => {
    const r = await fetch(`${gateway()}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'agent@electromart.test', password: 'agent-password' }),
    });
    expect(r.ok).toBe(true);
    const { token } = (await r.json()) as { token: string };
    // Connected to /agents counts as online (presence), as an open console does.
    agent = io(`${gateway()}/agents`, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      agent.once('queue:snapshot', () => resolve());
      agent.once('connect_error', reject);
    });
  });
  test.afterAll(() => {
    agent?.disconnect();
  });

  test('"Talk to a person" shows the handoff notice and the waiting status', async ({ page }) => {
    const chat = await openStorefrontChat(page, 'bob');
    await ask(chat, 'Do you sell noise cancelling headphones?');
    const button = chat.getByRole('button', { name: 'Talk to a person' });
    await button.click();
    await expect(chat.getByTestId('handoff-notice')).toContainText('Connecting you with a person');
    const banner = chat.locator('[data-testid="status-banner"]');
    await expect(banner).toHaveAttribute('data-status', 'waiting_human');
    await expect(banner).toContainText('Waiting for a person');
    await expect(bubbles(chat, 'system').last()).toContainText('A member of our support team will join this chat shortly');
    // Asking twice makes no sense while waiting: the header says who answers now instead.
    await expect(button).toBeHidden();
    await expect(chat.getByTestId('owner-line')).toHaveText('Waiting for a person');
  });
});
