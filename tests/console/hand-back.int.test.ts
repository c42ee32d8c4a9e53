// Issue 16, survivor 5: the ordering rule counts only the current ownership era. Messages the
// customer wrote while a person owned the chat are the person's: after a hand-back
// (conversation:release) or a resolve, they must not block the AI, and they get no bot reply.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { ChatClient, Harness } from '../harness';
import { startWithAgent, waitUntil, type AgentClient } from './agents-client';

/** "Within seconds": the worker answers an unblocked message in well under a second here. */
const ANSWER_MS = 5000;
let platform: Awaited<ReturnType<typeof startWithAgent>>;
let h: Harness;
let agent: AgentClient;
beforeAll(async () => {
  platform = await startWithAgent('handback');
  ({ h, agent } = platform);
});
afterAll(async () => {
  await platform?.stop();
});

async function customer() {
  const { socket, ready } = await h.connect();
  const bots: Message[] = [];
  socket.on('message:new', (m) => m.role === 'bot' && bots.push(m));
  const say = async (text: string) => {
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
    if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
    return ack.data.messageId;
  };
  const answered = (messageId: string, ms = ANSWER_MS) =>
    waitUntil(async () => bots.some((m) => m.replyTo === messageId), ms).then(() => bots.find((m) => m.replyTo === messageId)!);
  return { socket, conversationId: ready.conversationId, bots, say, answered };
}

async function toPerson(socket: ChatClient, conversationId: string) {
  expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'waiting_human' } });
  expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
}
/** Messages to the person: their jobs finish as skipped, so the human era really has unanswered ones. */
async function writeToPerson(c: Awaited<ReturnType<typeof customer>>, texts: string[]) {
  const ids: string[] = [];
  for (const t of texts) ids.push(await c.say(t));
  for (const id of ids) expect(await (await h.deps.queue.getJob(id))!.waitUntilFinished(h.deps.queueEvents, 15_000)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });
  return ids;
}
async function repliesTo(ids: string[]) {
  return h.dbh.sql`select id from messages where reply_to = any(${ids}::uuid[])`;
}

describe('ownership eras: what a person was told never blocks the AI afterwards', () => {
  it('after conversation:release the next message is answered within seconds; human-era messages get no bot reply', async () => {
    const c = await customer();
    await c.answered(await c.say('What is your return policy?'));
    await toPerson(c.socket, c.conversationId);
    const humanEra = await writeToPerson(c, ['Hi, my order EM-10001 is late', 'Are you still there?']);

    expect(await agent.emitWithAck('conversation:release', { conversationId: c.conversationId })).toEqual({ ok: true, data: { status: 'bot' } });
    const afterRelease = await c.say('How much is the Nimbus X5?');
    const reply = await c.answered(afterRelease);
    expect(reply.text).toMatch(/Nimbus X5/);
    expect(await repliesTo(humanEra)).toHaveLength(0);
    // The bot era goes on in order: a second message after the hand-back is answered too.
    await c.answered(await c.say('Do you ship internationally?'));
    expect(await repliesTo(humanEra)).toHaveLength(0);
    c.socket.disconnect();
  });

  it('after a resolve the customer writing again is answered within seconds and the chat is the bot\'s again', async () => {
    const c = await customer();
    await toPerson(c.socket, c.conversationId);
    const humanEra = await writeToPerson(c, ['I would like a refund for my headphones']);
    expect(await agent.emitWithAck('conversation:resolve', { conversationId: c.conversationId })).toEqual({ ok: true, data: { status: 'resolved' } });

    const again = await c.say('What is your return policy?');
    expect((await c.answered(again)).text).toMatch(/30 days/);
    expect(await repliesTo(humanEra)).toHaveLength(0);
    const [conv] = await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${c.conversationId}`;
    expect(conv!.status).toBe('bot');
    c.socket.disconnect();
  });
});
