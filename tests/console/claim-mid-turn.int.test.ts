// Issue 16, survivor 2: a person claims the chat while the AI is mid-turn. The model's answer is
// held until the test has claimed over /agents; the commit-time ownership check must then keep the
// AI silent: no bot row, no ai_reply event, and the job reports it skipped for a human owner.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { ModelPort } from '@em/agents/model';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, waitUntil, type AgentClient } from './agents-client';

/** Texts containing this marker are held in route() until the test releases them. */
const HOLD = 'refund for my headphones';
let held: { arrived: boolean; release: () => void; released: Promise<void> } | null = null;
const holdNext = () => {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  held = { arrived: false, release, released };
  return held;
};
const holdingModel = (offline: ModelPort): ModelPort => ({
  name: offline.name,
  async route(req) {
    const h = held;
    if (h && req.text.includes(HOLD)) {
      h.arrived = true;
      await h.released;
    }
    return offline.route(req);
  },
  analyze: (req) => offline.analyze(req),
  respond: (req) => offline.respond(req),
});

let h: Harness;
let agent: AgentClient | undefined;
beforeAll(async () => {
  h = await startHarness('midturn', { model: holdingModel });
});
afterAll(async () => {
  held?.release();
  agent?.disconnect();
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  await h?.stop();
});

describe('a person claims the chat while the AI is mid-turn', () => {
  it('the AI stays silent: no bot row, no ai_reply event, the turn reports it was skipped for a human owner', async () => {
    const gate = holdNext();
    const { socket: customer, ready } = await h.connect();
    const botMessages: Message[] = [];
    customer.on('message:new', (m) => m.role === 'bot' && botMessages.push(m));
    const sent = await customer.emitWithAck('message:send', { clientMessageId: randomUUID(), text: `I need a ${HOLD}, they broke` });
    if (!sent.ok) throw new Error(`send refused: ${sent.error.code}`);
    await waitUntil(async () => gate.arrived, 15_000); // the turn is running, its model call held

    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    agent = (await connectAgent(h.url, { token })).socket;
    expect(await customer.emitWithAck('conversation:request-human', { reason: 'want a person' })).toEqual({ ok: true, data: { status: 'waiting_human' } });
    expect(await agent.emitWithAck('conversation:claim', { conversationId: ready.conversationId })).toEqual({ ok: true, data: { conversationId: ready.conversationId } });

    gate.release();
    const job = await h.deps.queue.getJob(sent.data.messageId);
    expect(await job!.waitUntilFinished(h.deps.queueEvents, 15_000)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });

    const bots = await h.dbh.sql`select id from messages where conversation_id = ${ready.conversationId} and role = 'bot'`;
    expect(bots).toHaveLength(0);
    const aiReplies = await h.dbh.sql`select id from conversation_events where conversation_id = ${ready.conversationId} and type = 'ai_reply'`;
    expect(aiReplies).toHaveLength(0);
    const [conv] = await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${ready.conversationId}`;
    expect(conv!.status).toBe('human'); // the AI's turn did not take the chat back
    expect(botMessages).toEqual([]);
    customer.disconnect();
  });
});
