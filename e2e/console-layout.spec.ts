// Issue 19 (console): after a claim the console fits a 1366×768 laptop and a 1440×900 screen with no
// horizontal overflow and the brief visible; below 1366 the side panels become tabs; a search that
// hides the whole queue says so. Screenshots: docs/screenshots/console-claimed-{1366,1440}.png.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eEnv } from './env';
import { signIn } from './console-helpers';

const web = () => e2eEnv.webUrl();


/** A guest writes an angry message in the storefront's widget; it lands in the queue (agent online). */
async function angryCustomer(browser: Browser, tag: string) {
  const ctx = await browser.newContext();
  const shop = await ctx.newPage();
  await shop.goto(web() + '/');
  await shop.getByRole('button', { name: 'Open chat' }).click();
  const box = shop.frameLocator('iframe[title="ElectroMart chat"]').getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill(`This is terrible! My order is late again and your service is awful. I am furious!!! ${tag}`);
  await box.press('Enter');
  return ctx;
}

const overflow = (page: Page) =>
  page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, bodyScrollWidth: document.body.scrollWidth, innerWidth: window.innerWidth }));

/** The element is on screen horizontally: not cut off at the right edge. */
async function fullyInView(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const width = await page.evaluate(() => window.innerWidth);
  expect(box, testId).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`after a claim the console fits ${size.width}×${size.height}: no horizontal overflow, brief visible`, async ({ browser }) => {
    test.setTimeout(90_000);
    const agentCtx = await browser.newContext({ viewport: size });
    const agent = await agentCtx.newPage();
    await signIn(agent);
    const tag = `fit-${size.width}`;
    const customer = await angryCustomer(browser, tag);
    const item = agent.getByTestId('queue-item').filter({ hasText: tag });
    await expect(item).toBeVisible();
    await expect(agent.locator('[data-layout="columns"]')).toBeVisible();

    // A search that hides the whole queue says so, and how many wait.
    const search = agent.getByRole('textbox', { name: 'Search conversations' });
    await search.fill('no-such-customer-xyz');
    await expect(agent.getByTestId('queue-empty')).toContainText(/No waiting conversation matches "no-such-customer-xyz" — \d+ waiting in all\./);
    await agent.getByRole('button', { name: 'Clear the search' }).click();
    await expect(item).toBeVisible();

    await item.click();
    await agent.getByRole('button', { name: 'Claim' }).click();
    await expect(agent.getByTestId('conversation-status')).toHaveText('With agent: Sam Rivera');
    await expect(agent.getByRole('button', { name: 'Hand back to AI' })).toBeVisible();
    await expect(agent.getByTestId('handoff-brief')).toBeVisible();
    await expect(agent.getByTestId('brief-reason')).toHaveText('Customer is upset');

    const o = await overflow(agent);
    expect(o.scrollWidth, JSON.stringify(o)).toBeLessThanOrEqual(o.innerWidth);
    expect(o.bodyScrollWidth, JSON.stringify(o)).toBeLessThanOrEqual(o.innerWidth);
    await fullyInView(agent, 'side-panel');
    await fullyInView(agent, 'conversation');
    for (const name of ['Resolve', 'Hand back to AI', 'Send']) {
      const b = await agent.getByRole('button', { name, exact: true }).boundingBox();
      expect(b!.x + b!.width, name).toBeLessThanOrEqual(size.width);
    }
    // Off the buttons, so no tooltip covers the brief in the picture.
    await agent.mouse.move(size.width / 2, size.height - 120);
    await expect(agent.getByRole('tooltip')).toHaveCount(0);
    await agent.screenshot({ path: `docs/screenshots/console-claimed-${size.width}.png` });
    await customer.close();
    await agentCtx.close();
  });
}

test('below 1366 px the side panels collapse into tabs, still without horizontal overflow', async ({ browser }) => {
  test.setTimeout(90_000);
  const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const agent = await agentCtx.newPage();
  await signIn(agent);
  const customer = await angryCustomer(browser, 'fit-1280');
  await expect(agent.locator('[data-layout="side-tabs"]')).toBeVisible();
  const item = agent.getByTestId('queue-item').filter({ hasText: 'fit-1280' });
  await item.click();
  await agent.getByRole('button', { name: 'Claim' }).click();
  await expect(agent.getByTestId('conversation-status')).toHaveText('With agent: Sam Rivera');
  await agent.getByRole('tab', { name: 'Brief & notes' }).click();
  await expect(agent.getByTestId('brief-reason')).toHaveText('Customer is upset');
  await fullyInView(agent, 'side-panel');
  let o = await overflow(agent);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);

  // A phone-sized window: one panel at a time.
  await agent.setViewportSize({ width: 800, height: 900 });
  await expect(agent.locator('[data-layout="tabs"]')).toBeVisible();
  await agent.getByRole('tab', { name: 'Conversation' }).click();
  await expect(agent.getByTestId('conversation-status')).toBeVisible();
  o = await overflow(agent);
  expect(o.scrollWidth).toBeLessThanOrEqual(o.innerWidth);
  await customer.close();
  await agentCtx.close();
});
