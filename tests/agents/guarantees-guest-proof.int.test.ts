// Issue 16, survivor 8 (graph level): a guest proves an order with the email it was placed with.
// Wrong email → no details; right email → that order's status and tracking; never another customer's
// order, and the proof of one order unlocks that order only. Seeded orders: EM-10001 and EM-10002 are
// alice@example.com's, EM-10003 is bob@example.com's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphSuite, type GraphSuite } from './graph-suite';

const ALICE_1 = { number: 'EM-10001', tracking: '1Z999AA10123456784', details: /1Z999AA10123456784|Rue des Lilas|shipped/i };
const ALICE_2 = { number: 'EM-10002', details: /processing|express|Rue des Lilas/i };
const BOB = { number: 'EM-10003', details: /794644790132|Harbor Street|Portland|FedEx|delivered/i };

let suite: GraphSuite;
beforeAll(async () => {
  suite = await startGraphSuite('gproof');
});
afterAll(async () => suite?.stop());

describe('guest order proof', () => {
  it('a wrong email gets no details, of that order or of the email\'s owner', async () => {
    const c = await suite.chat();
    const ask = await c.say(`Where is my order ${ALICE_1.number}?`);
    expect(ask.reply).toMatch(/email/i);
    expect(ask.reply).not.toMatch(ALICE_1.details);
    const wrong = await c.say('it is bob@example.com');
    expect(wrong.reply).not.toMatch(ALICE_1.details);
    expect(wrong.reply).not.toMatch(BOB.details);
    expect(wrong.sources).not.toContain(`order:${ALICE_1.number}`);
    expect(c.memory().provenOrders ?? []).toEqual([]);
  });

  it('order number and a wrong email in one message: no details', async () => {
    const t = await (await suite.chat()).say(`Status of order ${BOB.number}? My email is alice@example.com`);
    expect(t.reply).not.toMatch(BOB.details);
    expect(t.reply).not.toMatch(ALICE_1.details);
  });

  it('the right email gets that order\'s status and tracking', async () => {
    const c = await suite.chat();
    await c.say(`Where is my order ${ALICE_1.number}?`);
    const t = await c.say('alice@example.com');
    expect(t.reply).toContain(ALICE_1.tracking);
    expect(t.reply).toMatch(/shipped/i);
    expect(t.sources).toEqual([`order:${ALICE_1.number}`]);
    expect(t.reply).not.toMatch(BOB.details);
  });

  it('a proof unlocks only its order: not the same customer\'s other order, never another customer\'s', async () => {
    const c = await suite.chat();
    await c.say(`Where is my order ${ALICE_1.number}? alice@example.com`);
    const other = await c.say(`and where is order ${ALICE_2.number}?`);
    expect(other.reply).not.toMatch(ALICE_2.details);
    expect(other.sources ?? []).not.toContain(`order:${ALICE_2.number}`);
    const bobs = await c.say(`and order ${BOB.number}?`);
    expect(bobs.reply).not.toMatch(BOB.details);
    expect(bobs.sources ?? []).not.toContain(`order:${BOB.number}`);
    // Back to the proven order: still answered.
    expect((await c.say(`what about ${ALICE_1.number} again?`)).reply).toContain(ALICE_1.tracking);
  });

  it('bob proves his own order and learns nothing of alice\'s', async () => {
    const c = await suite.chat();
    const t = await c.say(`Has order ${BOB.number} arrived? bob@example.com`);
    expect(t.reply).toMatch(/delivered/i); // a delivered order shows its delivery date, not tracking
    expect(t.sources).toEqual([`order:${BOB.number}`]);
    expect(t.reply).not.toMatch(ALICE_1.details);
    const alices = await c.say(`and ${ALICE_1.number}?`);
    expect(alices.reply).not.toMatch(ALICE_1.details);
  });
});
