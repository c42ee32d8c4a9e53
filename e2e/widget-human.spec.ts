import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { ask, bubbles, openStorefrontChat, shootWidget } from './widget-helpers';
import { e2eEnv } from './env';

// The agent side is driven over the real /agents namespace (what the console uses), so this spec
// covers only what the customer sees: status, the agent's name, typing, messages, CSAT.
const gateway = () => e2eEnv.gatewayUrl();
let agent: Socket;
let agentName: string;

test.beforeAll(async () => {
  const r = await fetch(`${gateway()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@electromart.test', password: 'agent-password' }),
  });
  expect(r.ok).toBe(true);
  const { token, user } = (await r.json()) as { token: string; user: { name: string } };
  agentName = user.name;
  agent = io(`${gateway()}/agents`, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    agent.once('connect', resolve);
    agent.once('connect_error', reject);
  });
});
test.afterAll(() => {
  agent?.disconnect();
});

const call = async (event: string, payload: object) => {
  const res = (await agent.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: unknown };
  expect(res, `${event} answered ${JSON.stringify(res)}`).toMatchObject({ ok: true });
};

test('a person joins by name, types, replies, resolves; the customer rates the chat', async ({ page }) => {
  const chat = await openStorefrontChat(page, 'alice');
  await ask(chat, 'My laptop screen flickers');
  const owner = chat.getByTestId('owner-line');
  await expect(owner).toHaveText('AI answers instantly');
  await chat.getByRole('button', { name: 'Talk to a person' }).click();
  const banner = chat.getByTestId('status-banner');
  await expect(banner).toHaveAttribute('data-status', 'waiting_human');
  await expect(owner).toHaveText('Waiting for a person');
  await shootWidget(page, 'widget-status-waiting.png');
  // Asking again while waiting is not offered (the server would refuse it too).
  await expect(chat.getByRole('button', { name: 'Talk to a person' })).toHaveCount(0);
  const conversationId = (await chat.getByTestId('chat-widget').getAttribute('data-conversation-id'))!;

  await call('conversation:claim', { conversationId });
  await expect(banner).toHaveAttribute('data-status', 'human');
  await expect(banner).toContainText(`${agentName} has joined`);
  // The header tells the truth: a person is chatting, not the AI.
  await expect(owner).toHaveText(`You are chatting with ${agentName}`);

  agent.emit('typing', { conversationId, isTyping: true });
  const typing = chat.getByTestId('typing');
  await expect(typing).toHaveAttribute('data-actor', 'human');
  await expect(typing).toContainText(`${agentName} is typing`);

  await call('message:send', { conversationId, clientMessageId: randomUUID(), text: 'Hi Alice, sorry about that. Let me help.' });
  const reply = bubbles(chat, 'human').last();
  await expect(reply).toContainText('Let me help');
  await expect(reply.getByTestId('agent-badge')).toHaveAttribute('data-kind', 'human');
  await expect(reply.getByTestId('agent-badge')).toContainText(agentName);
  await shootWidget(page, 'widget-status-human.png');
  await expect(typing).toHaveCount(0); // the reply clears the indicator

  await call('conversation:resolve', { conversationId });
  await expect(banner).toHaveAttribute('data-status', 'resolved');
  const csat = chat.getByTestId('csat');
  await expect(csat).toBeVisible();
  await shootWidget(page, 'widget-status-resolved.png');
  await csat.getByRole('button', { name: 'Rate 4' }).click();
  await expect(csat.getByRole('button', { name: 'Rate 4' })).toHaveAttribute('aria-pressed', 'true');
  await csat.getByRole('textbox', { name: 'Comment' }).fill('Quick and friendly');
  await csat.getByRole('button', { name: 'Send rating' }).click();
  await expect(csat).toContainText('Thanks for your feedback');

  // The customer writes again: the AI answers, the resolved banner and the rating form go away.
  await ask(chat, 'One more thing: do you ship to Canada?');
  await expect(banner).toHaveCount(0);
  await expect(csat).toHaveCount(0);
  await expect(owner).toHaveText('AI answers instantly');
  await expect(chat.getByRole('button', { name: 'Talk to a person' })).toBeVisible();
  await shootWidget(page, 'widget-status-back-to-ai.png');
});
