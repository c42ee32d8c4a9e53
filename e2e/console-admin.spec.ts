// Issue 19 (console): an admin edits a canned response and resets a user's password in
// /console/admin; the console's top bar links to the dashboard.
import { expect, test } from '@playwright/test';
import { e2eEnv } from './env';
import { signIn } from './console-helpers';

const web = () => e2eEnv.webUrl();


test('an admin edits a canned response and resets a password; the top bar links to the dashboard', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, { email: 'admin@electromart.test', password: 'admin-password' });
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('href', '/dashboard');
  await page.goto(web() + '/console/admin');
  const users = page.getByRole('table', { name: 'Console users' });
  await expect(users).toContainText('agent@electromart.test');

  // Edit the /bye canned response in place.
  await page.getByRole('button', { name: 'Edit /bye' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit canned response' });
  await edit.getByLabel('Text').fill('Anything else I can help with? Thanks for chatting with ElectroMart!');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('table', { name: 'Canned responses' })).toContainText('Thanks for chatting with ElectroMart!');

  // A new agent, then a password reset: the short one is refused in the form, the long one works.
  await page.getByLabel('Name').fill('Robin Reset');
  await page.getByLabel('Email').fill('robin@electromart.test');
  await page.getByLabel('Password (10+)').fill('robin-first-pass');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(users).toContainText('robin@electromart.test');
  await page.getByRole('button', { name: 'Reset password of Robin Reset' }).click();
  const reset = page.getByRole('dialog', { name: 'Reset password for Robin Reset' });
  await reset.getByLabel('New password').fill('short');
  await reset.getByRole('button', { name: 'Set password' }).click();
  await expect(reset).toContainText('Password: at least 10 characters');
  await reset.getByLabel('New password').fill('robin-second-pass');
  await reset.getByRole('button', { name: 'Set password' }).click();
  await expect(reset).toBeHidden();

  await page.context().clearCookies();
  await signIn(page, { email: 'robin@electromart.test', password: 'robin-second-pass' });
  await expect(page.getByTestId('console-me')).toHaveText('Robin Reset');
});
