import { expect, test } from '@playwright/test';
import { createDb } from '@em/db/client';
import { seedHistory } from '@em/db/seed/history';
import { e2eEnv } from './env';

const web = () => e2eEnv.webUrl();
const gateway = () => e2eEnv.gatewayUrl();

/** Every panel on /dashboard; each must render with data after seed:history. */
const CHARTS = [
  'chart-volume',
  'chart-heatmap',
  'chart-containment',
  'chart-handoff-reason',
  'chart-handoff-specialist',
  'chart-escalation-sentiment',
  'chart-routing',
  'chart-humans',
  'chart-csat',
  'chart-sentiment',
  'chart-cost',
];

test.beforeAll(async () => {
  // A month of history in the shared e2e database, settled before now (live: false) so nothing
  // joins the console queue other specs look at.
  const h = createDb(e2eEnv.databaseUrl(), { max: 2 });
  try {
    await seedHistory(h.db, { days: 28, conversations: 2500, live: false, seed: 7 });
  } finally {
    await h.close();
  }
});

test('without a console session /dashboard sends the visitor to the console login', async ({ page }) => {
  await page.goto(web() + '/dashboard');
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)dashboard/);
});

test('a manager sees every dashboard chart render with seeded data', async ({ page }) => {
  test.setTimeout(120_000);
  // Sign in through the gateway: the httpOnly em_console cookie lands in the browser context.
  const login = await page.request.post(gateway() + '/api/auth/login', { data: { email: 'admin@electromart.test', password: 'admin-password' } });
  expect(login.ok()).toBe(true);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(web() + '/dashboard');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  for (const id of CHARTS) {
    const card = page.getByTestId(id);
    await expect(card, id).toHaveAttribute('data-has-data', 'true');
  }
  // Charts drew marks, not just axes: lines/areas, bars, pie arcs, heat cells, table rows.
  await expect(page.getByTestId('chart-volume').locator('.MuiLineChart-line').first()).toBeVisible();
  await expect(page.getByTestId('chart-routing').locator('.MuiBarChart-element').first()).toBeVisible();
  await expect(page.getByTestId('chart-containment').locator('.MuiPieChart-arc').first()).toBeVisible();
  await expect(page.getByTestId('chart-heatmap').getByTestId('heat-cell')).toHaveCount(168);
  expect(await page.getByTestId('chart-humans').getByTestId('agent-row').count()).toBeGreaterThan(2);
  await expect(page.getByTestId('chart-cost').getByTestId('cost-row')).toHaveCount(2);
  await expect(page.getByTestId('kpi-conversations-value')).toHaveText(/^2,5\d\d$/);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800); // let chart enter animations finish before the screenshot
  await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });

  // The range picker re-queries: a 7-day window has fewer conversations than 30 days.
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page.getByTestId('kpi-conversations-value')).not.toHaveText(/^2,5\d\d$/);
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page.getByTestId('kpi-conversations-value')).toHaveText(/^2,5\d\d$/);

  // The CSV export answers the signed-in browser (cookie), one row per day.
  const csv = await page.request.get(gateway() + '/api/analytics/export.csv');
  expect(csv.ok()).toBe(true);
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^bucket_start_utc,conversations,/);
});
