import { expect, test } from '@playwright/test';
import { openStorefrontChat, send, bubbles } from './widget-helpers';

test('a bot reply renders progressively while message:delta arrives, then settles', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'guest');
  const frame = page.frames().find((f) => f.url().includes('/widget'))!;
  // Record every state of the newest bot bubble the DOM ever shows, not just the final one.
  await frame.evaluate(() => {
    const seen: { streaming: boolean; length: number }[] = [];
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const all = document.querySelectorAll('[data-testid="msg"][data-role="bot"]');
      const last = all[all.length - 1];
      if (!last) return;
      const text = last.querySelector('[data-testid="msg-text"]')?.textContent ?? '';
      seen.push({ streaming: last.getAttribute('data-streaming') === 'true', length: text.length });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  await send(chat, 'Tell me about your warranty and how returns work');
  const reply = bubbles(chat, 'bot').last();
  await expect(reply).toBeVisible();
  await expect(reply).not.toHaveAttribute('data-streaming', 'true');
  const finalLength = (await reply.getByTestId('msg-text').textContent())!.length;

  const seen = await frame.evaluate(() => (window as unknown as { __seen: { streaming: boolean; length: number }[] }).__seen);
  const partial = seen.filter((s) => s.streaming);
  expect(partial.length).toBeGreaterThan(0);
  // Shown before it was complete: a streaming state strictly shorter than the final text.
  expect(Math.min(...partial.map((s) => s.length))).toBeLessThan(finalLength);
  // The live region is told to wait while streaming and released afterwards.
  await expect(chat.getByRole('log')).not.toHaveAttribute('aria-busy', 'true');
});
