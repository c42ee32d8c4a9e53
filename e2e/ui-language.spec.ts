// Issue 21: the console, the login page and the dashboard speak the user's language: the choice from
// the language menu (kept in localStorage), else the browser's, else English. Runs after
// dashboard.spec.ts (file order), so the dashboard has its month of history; it seeds nothing itself.
// Screenshots at 1366×768 in German: docs/screenshots/{login,console,console-claimed,dashboard}-de-1366x768.png.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eEnv } from './env';

const web = () => e2eEnv.webUrl();
const LAPTOP = { width: 1366, height: 768 };

async function signInGerman(page: Page, email: string, password: string) {
  await page.goto(web() + '/login');
  await expect(page.getByRole('heading', { name: 'Support-Konsole' })).toBeVisible();
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.locator('[data-testid="console-connection"][data-connected="true"]')).toBeVisible();
}

/** A guest (English browser) writes an angry message in the storefront's widget; it lands in the queue. */
async function angryCustomer(browser: Browser, tag: string) {
  // Explicitly English: `test.use` options apply to browser.newContext() too.
  const ctx = await browser.newContext({ locale: 'en-US' });
  const shop = await ctx.newPage();
  await shop.goto(web() + '/');
  await shop.getByRole('button', { name: 'Open chat' }).click();
  const box = shop.frameLocator('iframe[title="ElectroMart chat"]').getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill(`This is terrible! My order is late again and your service is awful. I am furious!!! ${tag}`);
  await box.press('Enter');
  return ctx;
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `page ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}

test.describe('a German browser', () => {
  test.use({ locale: 'de-DE', viewport: LAPTOP });

  test('gets the login page and the console in German; a claimed conversation too', async ({ page, browser }) => {
    test.setTimeout(90_000);
    await page.goto(web() + '/login');
    await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.screenshot({ path: 'docs/screenshots/login-de-1366x768.png' });

    await signInGerman(page, 'agent@electromart.test', 'agent-password');
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Meine' })).toBeVisible();
    await expect(page.getByTestId('console-connection')).toHaveText('Live');
    await expect(page.getByTestId('language-menu')).toHaveAttribute('data-locale', 'de');

    const tag = `sprache-${Date.now()}`;
    const customer = await angryCustomer(browser, tag);
    const item = page.getByTestId('queue-item').filter({ hasText: tag });
    await expect(item).toBeVisible();
    // The reason chip in German; the customer's words as they wrote them.
    await expect(item.getByTestId('queue-reason')).toHaveText('Verärgerter Kunde');
    await expect(item).toContainText('I am furious');
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: 'docs/screenshots/console-de-1366x768.png' });

    await item.click();
    await expect(page.getByTestId('brief-reason')).toHaveText('Der Kunde ist verärgert');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await expect(page.getByTestId('conversation-status')).toHaveText(/^Bei Mitarbeiter: /);
    await expect(page.getByRole('textbox', { name: 'Antwort' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'An KI zurückgeben' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshots/console-claimed-de-1366x768.png' });
    await page.getByRole('button', { name: 'Lösen' }).click();
    await expect(page.getByTestId('conversation-status')).toHaveText('Gelöst');
    await customer.close();
  });

  test('the language menu switches the console to French and the choice stays', async ({ page }) => {
    await signInGerman(page, 'agent@electromart.test', 'agent-password');
    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-fr').click();
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'À moi' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    // The same choice holds on the dashboard (one stored language for the console's pages).
    await page.goto(web() + '/dashboard');
    await expect(page.getByRole('heading', { name: /Statistiques du support/ })).toBeVisible();
  });

  test('gets the dashboard in German, numbers the German way; the menu switches it to French', async ({ page }) => {
    await signInGerman(page, 'admin@electromart.test', 'admin-password');
    await page.goto(web() + '/dashboard');
    await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
    await expect(page.getByRole('heading', { name: /Support-Analyse/ })).toBeVisible();
    await expect(page.getByTestId('kpi-conversations')).toContainText('Gespräche');
    // "2.534", not "2,534"; "12,3 %", not "12.3%".
    await expect(page.getByTestId('kpi-conversations-value')).toHaveText(/^\d{1,3}(\.\d{3})*$/);
    await expect(page.getByTestId('kpi-containment-value')).toHaveText(/^\d{1,3},\d\s%$/);
    await expect(page.getByTestId('chart-handoff-reason')).toContainText('Übergaben nach Grund');
    await expect(page.getByRole('button', { name: '7 Tage' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800); // chart enter animations
    await page.screenshot({ path: 'docs/screenshots/dashboard-de-1366x768.png' });
    await page.screenshot({ path: 'docs/screenshots/dashboard-de-full.png', fullPage: true });

    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-fr').click();
    await expect(page.getByRole('heading', { name: /Statistiques du support/ })).toBeVisible();
    await expect(page.getByTestId('kpi-conversations')).toContainText('Conversations');
    await expect(page.getByRole('button', { name: '7 jours' })).toBeVisible();
    await expect(page.getByTestId('export-csv')).toHaveText('Exporter en CSV');
    // Back to German for the next run of this browser profile's tests (each test has its own storage anyway).
  });
});

test.describe('a browser in a language we do not have', () => {
  test.use({ locale: 'ja-JP' });

  test('gets the console in English', async ({ page }) => {
    await page.goto(web() + '/login');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByTestId('language-menu')).toHaveAttribute('data-locale', 'en');
  });
});
