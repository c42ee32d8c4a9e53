import { expect, test } from '@playwright/test';
import { bubbles, webUrl } from './widget-helpers';

test('keyboard only: open, Shift+Enter newline, Enter sends, counter near the limit, Escape closes', async ({ page }) => {
  await page.goto(`${webUrl()}/?as=guest`);
  const launcher = page.getByTestId('em-launcher');
  await expect(launcher).toHaveAccessibleName('Open chat');
  await launcher.focus();
  await page.keyboard.press('Enter');
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  // Its name says what a press does now.
  await expect(launcher).toHaveAccessibleName('Close chat');
  const chat = page.frameLocator('iframe[title="ElectroMart chat"]');
  await expect(chat.getByTestId('chat-widget')).toHaveAttribute('data-connection', 'online');
  const box = chat.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused(); // opening the chat puts the cursor in the composer

  await page.keyboard.type('Two lines:');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await expect(box).toHaveValue('Two lines:\nsecond line');
  await expect(bubbles(chat, 'customer')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(bubbles(chat, 'customer')).toHaveCount(1);
  await expect(bubbles(chat, 'customer').getByTestId('msg-text')).toContainText('Two lines:\nsecond line');
  await expect(box).toHaveValue('');

  // The counter appears near the 1000-character limit; over it, Send is disabled.
  await box.fill('a'.repeat(899));
  await expect(chat.getByTestId('char-counter')).toHaveCount(0);
  await box.fill('a'.repeat(950));
  await expect(chat.getByTestId('char-counter')).toHaveText('950 / 1000');
  await box.fill('a'.repeat(1001));
  await expect(chat.getByRole('button', { name: 'Send' })).toBeDisabled();
  await box.fill('');

  // The log is a polite live region for screen readers.
  await expect(chat.getByRole('log')).toHaveAttribute('aria-live', 'polite');

  await page.keyboard.press('Escape');
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(launcher).toBeFocused(); // focus returns to where it came from
  await expect(launcher).toHaveAccessibleName('Open chat');

  // Escape also closes it while focus is on the shop's page (here: the launcher itself).
  await page.keyboard.press('Enter');
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  await launcher.focus();
  await page.keyboard.press('Escape');
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
});

test('voice input is offered only where the Web Speech API exists', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.SpeechRecognition;
    delete w.webkitSpeechRecognition;
  });
  await page.goto(`${webUrl()}/widget`);
  await expect(page.getByTestId('chat-widget')).toHaveAttribute('data-connection', 'online');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByTestId('voice-input')).toHaveCount(0);

  await page.addInitScript(() => {
    (window as unknown as Record<string, unknown>).webkitSpeechRecognition = class {};
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Voice input' })).toBeVisible();
});

test('voice input that cannot listen says why instead of doing nothing', async ({ page }) => {
  // A browser whose recognition refuses to start (microphone blocked): the error arrives asynchronously.
  await page.addInitScript(() => {
    (window as unknown as Record<string, unknown>).webkitSpeechRecognition = class {
      onerror: ((e: { error: string }) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        setTimeout(() => {
          this.onerror?.({ error: 'not-allowed' });
          this.onend?.();
        }, 50);
      }
      stop() {}
    };
  });
  await page.goto(`${webUrl()}/widget`);
  await expect(page.getByTestId('chat-widget')).toHaveAttribute('data-connection', 'online');
  await page.getByRole('button', { name: 'Voice input' }).click();
  await expect(page.getByTestId('voice-problem')).toContainText('microphone access');
  // Typing instead clears the notice.
  await page.getByRole('textbox', { name: 'Message' }).fill('hello');
  await expect(page.getByTestId('voice-problem')).toHaveCount(0);
});
