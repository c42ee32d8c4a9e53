import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { Harness } from '../harness';
import { nextEvent, nextQueue, startWithAgent, type AgentClient } from './agents-client';

let platform: Awaited<ReturnType<typeof startWithAgent>>;
let h: Harness;
let agent: AgentClient;
beforeAll(async () => {
  platform = await startWithAgent('console_escalation');
  ({ h, agent } = platform);
});
afterAll(async () => {
  await platform?.stop();
});

describe('worker escalation → /agents (through the Redis emitter)', () => {
  it('an angry message reaches the console queue with its reason, priority and last message; no ticket while an agent is online', async () => {
    const { socket, ready } = await h.connect();
    const queued = nextQueue(agent, (q) => q.some((i) => i.conversationId === ready.conversationId), 10_000);
    const status = nextEvent<{ status: string; queuePosition?: number }>(socket, 'conversation:status', (s) => s.status === 'waiting_human', 10_000);
    const notice = nextEvent<Message>(socket, 'message:new', (m) => m.role === 'system', 10_000);
    await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'This is terrible! Your service is awful and I am furious!!!' });
    const item = (await queued).find((i) => i.conversationId === ready.conversationId)!;
    expect(item).toMatchObject({ reason: 'negative_sentiment', sentiment: 'very_negative', lastMessage: 'This is terrible! Your service is awful and I am furious!!!' });
    expect(item.priority).toBeGreaterThanOrEqual(50);
    expect((await status).queuePosition).toBe(1);
    expect((await notice).text).toMatch(/member of our support team/);
    const tickets = await h.dbh.sql`select 1 from support_tickets where conversation_id = ${ready.conversationId}`;
    expect(tickets).toHaveLength(0);
  });
});
