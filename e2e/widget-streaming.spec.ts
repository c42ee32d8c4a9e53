import { expect, test } from '@playwright/test';
import { openStorefrontChat, send, bubbles } from './widget-helpers';

// Issue 18: the offline model makes a reply in one piece, so nothing is streamed or announced before
// it (no typing flicker, no deltas). The widget must then show the reply as it arrived: no streaming
// state, and nothing on screen that is not part of the final text. (Deltas from a network model: the widget's `delta`
// action in apps/web/src/lib/chat/state.ts; the worker's side in tests/worker/exactly-once.int.test.ts.)
test('an offline reply arrives whole: no streaming state, nothing shown that is not part of it, the log released', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'guest');
  const frame = page.frames().find((f) => f.url().includes('/widget'))!;
  // Record every state of the newest bot bubble the DOM ever shows, not just the final one.
  await frame.evaluate(() => {
    const seen: { streaming: boolean; text: string }[] = [];
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const all = document.querySelectorAll('[data-testid="msg"][data-role="bot"]');
      const last = all[all.length - 1];
      if (!last) return;
      const text = last.querySelector('[data-testid="msg-text"]')?.textContent ?? '';
      seen.push({ streaming: last.getAttribute('data-streaming') === 'true', text });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  await send(chat, 'Tell me about your warranty and how returns work');
  const reply = bubbles(chat, 'bot').last();
  await expect(reply).toBeVisible();
  await expect(reply).not.toHaveAttribute('data-streaming', 'true');
  const finalText = (await reply.getByTestId('msg-text').textContent())!;
  expect(finalText.length).toBeGreaterThan(40);

  const seen = await frame.evaluate(() => (window as unknown as { __seen: { streaming: boolean; text: string }[] }).__seen);
  expect(seen.filter((s) => s.streaming)).toEqual([]);
  // Whatever the bubble showed on the way (a reveal animation shows beginnings) was part of the reply.
  expect(seen.filter((s) => s.text && !finalText.startsWith(s.text))).toEqual([]);
  await expect(chat.getByRole('log')).not.toHaveAttribute('aria-busy', 'true');
});
