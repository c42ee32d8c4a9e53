// Shared steps for the widget e2e specs (e2e/widget-*.spec.ts).
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { e2eEnv } from './env';

/** The loader's API as a host page sees it (window.ElectroMartChat). */
export interface ChatApi {
  open(): void;
  close(): void;
  toggle(): void;
  reset(): void;
  setUser(identity: { email: string; name?: string; hash: string } | null): void;
  on(event: string, handler: (payload?: unknown) => void): () => void;
}

export const webUrl = () => e2eEnv.webUrl();

/** Opens the storefront as a demo customer and the chat; resolves once the widget is online. */
export async function openStorefrontChat(page: Page, as: 'alice' | 'bob' | 'guest' = 'guest'): Promise<FrameLocator> {
  await page.goto(`${webUrl()}/?as=${as}`);
  return openChat(page);
}

/** Clicks the launcher and waits until the widget's socket has a session. */
export async function openChat(page: Page): Promise<FrameLocator> {
  const launcher = page.getByRole('button', { name: 'Open chat' });
  await launcher.click();
  // (On a phone the open chat covers the screen and the launcher hides, so check the frame.)
  await expect(page.locator('iframe[title="ElectroMart chat"]')).toBeVisible();
  const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
  await expect(chat.locator('[data-testid="chat-widget"]')).toHaveAttribute('data-connection', 'online');
  return chat;
}

export const bubbles = (chat: FrameLocator, role: 'customer' | 'bot' | 'human' | 'system') =>
  chat.locator(`[data-testid="msg"][data-role="${role}"]`);

/** Types and sends with Enter, as a customer would. */
export async function send(chat: FrameLocator, text: string) {
  const box = chat.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeEnabled();
  await box.fill(text);
  await box.press('Enter');
}

/** Sends and waits for the n-th bot reply (1-based) to settle (not streaming any more). */
export async function ask(chat: FrameLocator, text: string) {
  const before = await bubbles(chat, 'bot').count();
  await send(chat, text);
  const reply = bubbles(chat, 'bot').nth(before);
  await expect(reply).toBeVisible();
  await expect(reply).not.toHaveAttribute('data-streaming', 'true');
  return reply;
}

/** Where a docs screenshot goes: test-results/ on every run, docs/screenshots/ with SCREENSHOTS=1. */
export const screenshotPath = (name: string) => (e2eEnv.screenshots() ? `docs/screenshots/${name}` : `test-results/${name}`);

/** The open widget alone (its frame), for the docs' per-status pictures. */
export async function shootWidget(page: Page, name: string) {
  await page.waitForTimeout(300); // let the last bubble's entrance settle
  await page.locator('iframe[title="ElectroMart chat"]').screenshot({ path: screenshotPath(name) });
}
