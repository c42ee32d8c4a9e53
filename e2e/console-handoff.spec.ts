import { expect, test } from '@playwright/test';
import { e2eEnv } from './env';
import { signIn } from './console-helpers';

const web = () => e2eEnv.webUrl();


test('an angry customer is handed to a person, who claims, chats, resolves and gets rated', async ({ browser }) => {
  test.setTimeout(120_000); // two browser contexts and a full conversation on a shared 2-core machine
  const agentCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const customerCtx = await browser.newContext();
  const agent = await agentCtx.newPage();
  const shop = await customerCtx.newPage();
  const pageErrors: string[] = [];
  agent.on('pageerror', (e) => pageErrors.push(`console: ${e.message}`));
  shop.on('pageerror', (e) => pageErrors.push(`shop: ${e.message}`));

  await signIn(agent, { email: 'agent@electromart.test', password: 'agent-password' });
  await expect(agent.getByTestId('console-me')).toHaveText('Sam Rivera');

  await shop.goto(web() + '/');
  await shop.getByRole('button', { name: 'Open chat' }).click();
  const chat = shop.frameLocator('iframe[title="ElectroMart chat"]');
  const box = chat.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill('This is terrible! My order is late again and your service is awful. I am furious!!!');
  await box.press('Enter');

  // The queue is live: the conversation shows up within 2 s of the message, with its reason.
  const item = agent.getByTestId('queue-item').filter({ hasText: 'This is terrible' });
  await expect(item).toBeVisible({ timeout: 2_000 });
  await expect(item.getByTestId('queue-reason')).toHaveText('Upset customer');
  await item.click();
  await expect(agent.getByTestId('brief-reason')).toHaveText('Customer is upset');
  await agent.screenshot({ path: 'docs/screenshots/console-queue.png' });

  // Claim (Alt+C): the customer is told a person joined, by name.
  await agent.keyboard.press('Alt+KeyC');
  await expect(agent.getByTestId('conversation-status')).toHaveText('With agent: Sam Rivera').catch((err: unknown) => {
    throw new Error(`${String(err)}\n${pageErrors.join('\n')}`);
  });
  await expect(chat.locator('[data-testid="msg"][data-role="system"]').filter({ hasText: 'Sam Rivera from our support team has joined' })).toBeVisible();

  // Agent → customer, with a typing indicator first.
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.pressSequentially('I am so sorry', { delay: 20 });
  await expect(chat.locator('[data-testid="typing"]')).toBeVisible();
  await reply.fill('I am so sorry about the delay. Let me check your order right now.');
  await reply.press('Enter');
  await expect(chat.locator('[data-testid="msg"][data-role="human"]').last()).toContainText('Let me check your order right now.');

  // Customer → agent, with a typing indicator first; the AI stays silent while a person owns it.
  const botBefore = await chat.locator('[data-testid="msg"][data-role="bot"]').count();
  await box.pressSequentially('It was supposed', { delay: 20 });
  await expect(agent.getByTestId('console-typing')).toBeVisible();
  await box.fill('It was supposed to arrive on Monday. What is your return policy?');
  await box.press('Enter');
  await expect(agent.locator('[data-testid="console-msg"][data-role="customer"]').last()).toContainText('supposed to arrive on Monday');
  // A bot reply would take well under a second with the offline model; give it twice that to appear.
  await shop.waitForTimeout(2_000);
  await expect(chat.locator('[data-testid="msg"][data-role="bot"]')).toHaveCount(botBefore);

  // Private note and canned response (/shortcut) in the console.
  await agent.getByRole('tab', { name: 'Private note' }).click();
  await agent.getByRole('textbox', { name: 'Note' }).fill('Order late twice: offer express shipping on the replacement.');
  await agent.getByRole('button', { name: 'Add note' }).click();
  await expect(agent.getByTestId('note')).toContainText('offer express shipping');
  await agent.getByRole('tab', { name: 'Reply' }).click();
  await reply.fill('/retu');
  await expect(agent.getByTestId('canned-menu')).toContainText('/returns');
  await reply.press('Enter');
  await expect(reply).toHaveValue(/within 30 days/);
  await reply.press('Enter');
  await expect(chat.locator('[data-testid="msg"][data-role="human"]').last()).toContainText('within 30 days');
  await agent.screenshot({ path: 'docs/screenshots/console-conversation.png' });

  // Resolve: the customer is asked to rate the chat, and does.
  await agent.getByRole('button', { name: 'Resolve' }).click();
  await expect(agent.getByTestId('conversation-status')).toHaveText('Resolved');
  const csat = chat.locator('[data-testid="csat"]');
  await expect(csat).toBeVisible();
  await csat.getByRole('button', { name: 'Rate 5' }).click();
  await csat.getByRole('button', { name: 'Send rating' }).click();
  await expect(chat.getByText('Thanks for your feedback')).toBeVisible();

  expect(pageErrors).toEqual([]);
  await agentCtx.close();
  await customerCtx.close();
});

test('the console sends strangers to sign in, and agents away from admin actions', async ({ page }) => {
  // On the other loopback alias the console first moves to the gateway's host name (the cookie's site).
  await page.goto(web().replace('localhost', '127.0.0.1') + '/console');
  await expect(page).toHaveURL(new RegExp(`^${web()}/login\\?next=`));
  await signIn(page, { email: 'agent@electromart.test', password: 'agent-password' });
  await page.goto(web() + '/console/admin');
  // An agent gets a plain page, not the admin forms with an error on top.
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Back to the console' })).toHaveAttribute('href', '/console');

  // An admin manages console users and canned responses there.
  await signIn(page, { email: 'admin@electromart.test', password: 'admin-password' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(web() + '/console/admin');
  await expect(page.getByRole('table', { name: 'Console users' })).toContainText('agent@electromart.test');
  await page.getByLabel('Shortcut').fill('refund');
  await page.getByLabel('Title', { exact: true }).fill('Refund issued');
  await page.getByLabel('Text', { exact: true }).fill('I have issued your refund; it reaches your card within 5 business days.');
  // The canned-response form's own button (the Sites section has "Add" buttons too).
  await page.getByRole('group', { name: 'Canned responses' }).getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Canned responses' })).toContainText('/refund');
  await page.screenshot({ path: 'docs/screenshots/console-admin.png' });
});

test("a link to /console?c=<id> (the dashboard's rating comments) opens that conversation", async ({ browser }) => {
  const customerCtx = await browser.newContext();
  const shop = await customerCtx.newPage();
  await shop.goto(web() + '/');
  await shop.getByRole('button', { name: 'Open chat' }).click();
  const chat = shop.frameLocator('iframe[title="ElectroMart chat"]');
  const box = chat.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill('Where can I see the warranty for my speaker? link-check');
  await box.press('Enter');
  const widget = chat.getByTestId('chat-widget');
  await expect(widget).toHaveAttribute('data-conversation-id', /[0-9a-f-]{36}/);
  const id = (await widget.getAttribute('data-conversation-id'))!;

  const agentCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const agent = await agentCtx.newPage();
  await signIn(agent, { email: 'agent@electromart.test', password: 'agent-password' });
  await agent.goto(`${web()}/console?c=${id}`);
  await expect(agent.getByTestId('conversation')).toContainText('link-check');
  await agentCtx.close();
  await customerCtx.close();
});
