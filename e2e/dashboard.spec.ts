import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
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
  'chart-comments',
];

/** Rating comments added to seeded conversations (the history simulator rates without words). */
const COMMENTS = [
  { score: 5, comment: 'Fixed my refund in two minutes, thank you!', human: true },
  { score: 2, comment: 'Waited far too long for a person.', human: true },
  { score: 4, comment: '=SUM(1+1) tried to break your export', human: true },
  { score: 5, comment: 'The assistant found my order straight away.', human: false },
];

/** Adds COMMENTS as `rated` events a minute after a resolve, like the widget's rating does. */
async function addRatingComments(databaseUrl: string) {
  const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const human of [true, false]) {
      const mine = COMMENTS.filter((c) => c.human === human);
      const rows = await pg<{ id: string; resolved_at: Date }[]>`
        select id, resolved_at from conversations
        where status = 'resolved' and handled_by_human = ${human} and resolved_at < now() - interval '1 hour'
        order by resolved_at desc limit ${mine.length}`;
      for (const [i, row] of rows.entries()) {
        const { score, comment } = mine[i]!;
        await pg`insert into conversation_events (conversation_id, type, data, created_at)
                 values (${row.id}, 'rated', ${pg.json({ score, comment })}, ${new Date(row.resolved_at.getTime() + 60_000)})`;
        await pg`update conversations set csat_score = ${score}, csat_comment = ${comment} where id = ${row.id}`;
      }
    }
  } finally {
    await pg.end();
  }
}

/** The page is no wider than the window (nothing cut off or scrolled sideways). */
async function expectNoHorizontalOverflow(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, `page ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}

const signIn = async (page: Page, email: string, password: string) => {
  const login = await page.request.post(gateway() + '/api/auth/login', { data: { email, password } });
  expect(login.ok()).toBe(true);
};

test.beforeAll(async () => {
  // A month of history in the shared e2e database, settled before now (live: false) so nothing
  // joins the console queue other specs look at.
  const h = createDb(e2eEnv.databaseUrl(), { max: 2 });
  try {
    await seedHistory(h.db, { days: 28, conversations: 2500, live: false, seed: 7 });
  } finally {
    await h.close();
  }
  await addRatingComments(e2eEnv.databaseUrl());
});

test('without a console session /dashboard sends the visitor to the console login', async ({ page }) => {
  await page.goto(web() + '/dashboard');
  await expect(page).toHaveURL(/\/login\?next=(%2F|\/)dashboard/);
});

test('a manager sees every dashboard chart render with seeded data', async ({ page }) => {
  test.setTimeout(120_000);
  // Sign in through the gateway: the httpOnly em_console cookie lands in the browser context.
  await signIn(page, 'admin@electromart.test', 'admin-password');
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
  // Issue 19: containment is what the AI resolved alone (most of a month of history), not 0.0 %.
  await expect(page.getByTestId('kpi-containment-value')).toHaveText(/^[1-9]\d?\.\d%$/);
  await expect(page.getByTestId('containment-definition')).toContainText('never went to a person');
  await expect(page.getByTestId('kpi-containment-info')).toHaveAttribute('aria-label', /idle with the AI for 30 min/);
  // The sentiment trend draws bars (a stacked area drew nothing for a bucket between empty ones).
  const sentimentBars = page.getByTestId('chart-sentiment').locator('.MuiBarChart-element');
  await expect.poll(() => sentimentBars.evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute('height')) > 0).length)).toBeGreaterThan(20);
  // Rating comments, newest first, each with a link into the console.
  await expect(page.getByTestId('chart-comments').getByTestId('comment-row')).toHaveCount(COMMENTS.length);
  await expect(page.getByTestId('chart-comments')).toContainText('=SUM(1+1) tried to break your export');
  await expect(page.getByTestId('comment-link').first()).toHaveAttribute('href', /^\/console\?c=[0-9a-f-]{36}$/);
  await expectNoHorizontalOverflow(page);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800); // let chart enter animations finish before the screenshot
  await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });
  await page.screenshot({ path: 'docs/screenshots/dashboard-1440x900.png' });

  // The range picker re-queries: a 7-day window has fewer conversations than 30 days.
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page.getByTestId('kpi-conversations-value')).not.toHaveText(/^2,5\d\d$/);
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page.getByTestId('kpi-conversations-value')).toHaveText(/^2,5\d\d$/);

  // The CSV export answers the signed-in browser (cookie), one row per day.
  const csv = await page.request.get(gateway() + '/api/analytics/export.csv');
  expect(csv.ok()).toBe(true);
  expect((await csv.text()).split('\r\n')[0]).toMatch(/^bucket_start_utc,conversations,/);

  // The export button is a menu: per day or per conversation (formula-safe cells).
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('export-per-day')).toHaveAttribute('href', /\/api\/analytics\/export\.csv\?from=/);
  const perConversation = await page.getByTestId('export-per-conversation').getAttribute('href');
  expect(perConversation).toMatch(/\/api\/analytics\/conversations\.csv\?from=/);
  await page.keyboard.press('Escape');
  const rows = (await (await page.request.get(perConversation!)).text()).trim().split('\r\n');
  expect(rows[0]).toBe('conversation_id,started_utc,last_activity_utc,status,owner,route,sentiment,handed_off,handoff_reason,csat,comment');
  expect(rows.length - 1).toBeGreaterThanOrEqual(2500);
  expect(rows.some((r) => r.endsWith(",'=SUM(1+1) tried to break your export"))).toBe(true);
});

test('at 1366×768 the dashboard fits the window', async ({ page }) => {
  await signIn(page, 'admin@electromart.test', 'admin-password');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(web() + '/dashboard');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await expectNoHorizontalOverflow(page);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/screenshots/dashboard-1366x768.png' });
});

test('an agent sees their own row of the human-agents table and their own comments', async ({ page }) => {
  await signIn(page, 'agent@electromart.test', 'agent-password');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(web() + '/dashboard');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  const humans = page.getByTestId('chart-humans');
  await expect(humans).toContainText('your numbers');
  // Their own row (if they handled anything in the range) and the team's "All agents" totals.
  expect(await humans.getByTestId('agent-row').count()).toBeLessThanOrEqual(2);
  await expect(humans.getByTestId('agent-row').last()).toContainText('All agents');
  await expect(page.getByTestId('humans-scope')).toContainText('admins see every agent');
});
