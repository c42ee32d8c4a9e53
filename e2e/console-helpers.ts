import { expect, type Page } from '@playwright/test';
import { e2eEnv } from './env';

/** The seeded console users (packages/db seed). */
export const AGENT = { email: 'agent@electromart.test', password: 'agent-password' } as const;
export const ADMIN = { email: 'admin@electromart.test', password: 'admin-password' } as const;

/** Signs in on /login (English labels) and waits until the console is connected to /agents. */
export async function signIn(page: Page, who: { email: string; password: string } = AGENT) {
  await page.goto(e2eEnv.webUrl() + '/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.locator('[data-testid="console-connection"][data-connected="true"]')).toBeVisible();
}
