// Issue 16, survivor 8 (platform level): the guest order proof through the real widget path — an
// unverified /chat session, the gateway, BullMQ and the worker's graph — so a break in the proof is
// caught by more than the graph's conversation files. Seeded: EM-10001 is alice@example.com's
// (shipped, tracking 1Z999AA10123456784), EM-10003 is bob@example.com's (delivered, FedEx).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import { startHarness, type Harness } from '../harness';
import { waitFor } from '../support/wait';

const ALICE_DETAILS = /1Z999AA10123456784|Rue des Lilas|shipped/i;
const BOB_DETAILS = /794644790132|Harbor Street|Portland|FedEx|delivered/i;
let h: Harness;
beforeAll(async () => {
  h = await startHarness('gproofgw');
});
afterAll(async () => h?.stop());

/** A guest (no identity hash) who says things one at a time and reads each bot reply. */
async function guest() {
  const { socket, ready } = await h.connect();
  expect(ready.verified).toBe(false);
  const bots: Message[] = [];
  socket.on('message:new', (m) => m.role === 'bot' && bots.push(m));
  return {
    socket,
    async say(text: string) {
      const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
      if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
      return waitFor(`reply to "${text}"`, () => bots.find((m) => m.replyTo === ack.data.messageId), 15_000, 20);
    },
  };
}

describe('guest order proof over /chat', () => {
  it('wrong email: no details; right email: that order\'s status and tracking; another customer\'s order: nothing', async () => {
    const g = await guest();
    const ask = await g.say('Where is my order EM-10001?');
    expect(ask.text).toMatch(/email/i);
    expect(ask.text).not.toMatch(ALICE_DETAILS);

    const wrong = await g.say('my email is bob@example.com');
    expect(wrong.text).not.toMatch(ALICE_DETAILS);
    expect(wrong.text).not.toMatch(BOB_DETAILS);
    expect(wrong.meta?.sources ?? []).toEqual([]);

    const right = await g.say('sorry, it is alice@example.com');
    expect(right.text).toContain('1Z999AA10123456784');
    expect(right.text).toMatch(/shipped/i);
    expect(right.meta?.sources).toEqual(['order:EM-10001']);

    const bobs = await g.say('and where is order EM-10003?');
    expect(bobs.text).not.toMatch(BOB_DETAILS);
    expect(bobs.meta?.sources ?? []).not.toContain('order:EM-10003');
    g.socket.disconnect();
  });

  it('a second guest conversation starts unproven: the first one\'s proof does not carry over', async () => {
    const g = await guest();
    const t = await g.say('Where is my order EM-10001?');
    expect(t.text).not.toMatch(ALICE_DETAILS);
    expect(t.text).toMatch(/email/i);
    g.socket.disconnect();
  });
});
