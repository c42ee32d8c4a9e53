// Scripted multi-turn conversations asserting facts against the seeded database. Shared by the
// offline suite (conversations.int.test.ts) and the OpenAI-provider suite (fake server), so the
// same facts must hold whichever provider answers.
import { expect, it } from 'vitest';
import type { Product } from '@em/db/queries/catalog';
import type { GraphSuite } from './graph-suite';

const ALICE = 'alice@example.com';
const TRACKING = '1Z999AA10123456784';
const money = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** Anything that would reveal Bob's order EM-10003 (delivered) to someone else. */
export const expectNothingAboutBobsOrder = (text: string) => {
  expect(text).not.toMatch(/delivered|Bob|bob@example\.com/i);
  expect(text).not.toMatch(/Order EM-10003 \(/);
};

export function conversationScenarios(suite: () => GraphSuite) {
  const product = (name: string): Product => {
    const p = suite().catalog.find((x) => x.name === name);
    if (!p) throw new Error(`catalog has no ${name}`);
    return p;
  };

  it('greets and says what it can do', async () => {
    const t = await (await suite().chat()).say('Hello!');
    expect(t.agent).toBe('general');
    expect(t.reply).toMatch(/hello/i);
  });

  it('greets a verified customer by first name', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Hi there');
    expect(t.reply).toContain('Alice');
  });

  it('gives verified Alice the status and tracking of EM-10001', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where is my order EM-10001?');
    expect(t.agent).toBe('logistics');
    expect(t.reply).toMatch(/shipped/i);
    expect(t.reply).toContain(TRACKING);
    expect(t.sources).toContain('order:EM-10001');
  });

  it('follows up "what about EM-10002?" against the earlier order question', async () => {
    const c = await suite().chat({ as: ALICE });
    await c.say('Where is my order EM-10001?');
    const t = await c.say('what about EM-10002?');
    expect(t.agent).toBe('logistics');
    expect(t.reply).toMatch(/EM-10002/);
    expect(t.reply).toMatch(/processing/i);
    expect(t.reply).not.toContain(TRACKING);
  });

  it('tells verified Alice nothing about Bob\'s order EM-10003', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where is order EM-10003?');
    expectNothingAboutBobsOrder(t.reply);
    expect(t.sources).not.toContain('order:EM-10003');
  });

  it('asks an unverified session for the email, then answers once alice@example.com matches', async () => {
    const c = await suite().chat();
    const first = await c.say('Where is my order EM-10001?');
    expect(first.reply).toMatch(/email/i);
    expect(first.reply).not.toContain(TRACKING);
    const second = await c.say(ALICE);
    expect(second.agent).toBe('logistics');
    expect(second.reply).toContain(TRACKING);
    expect(second.reply).toMatch(/shipped/i);
  });

  it('refuses an unverified session whose email does not match the order', async () => {
    const c = await suite().chat();
    await c.say('Where is my order EM-10001?');
    const t = await c.say('it is bob@example.com');
    expect(t.reply).not.toContain(TRACKING);
    expect(t.reply).toMatch(/couldn't match/i);
  });

  it('keeps a guest who proved Alice\'s email away from Bob\'s order', async () => {
    const c = await suite().chat();
    await c.say('Where is my order EM-10001?');
    await c.say(ALICE);
    const t = await c.say('and where is order EM-10003?');
    expectNothingAboutBobsOrder(t.reply);
  });

  it('says WELCOME10 is valid', async () => {
    const t = await (await suite().chat()).say('Is the promo code WELCOME10 still valid?');
    expect(t.agent).toBe('marketing');
    expect(t.reply).toMatch(/WELCOME10 is valid/);
    expect(t.reply).toMatch(/10%/);
  });

  it('says SUMMER25 has expired', async () => {
    const t = await (await suite().chat()).say('can I use SUMMER25 on my order?');
    expect(t.reply).toMatch(/SUMMER25 has expired/);
  });

  it('lists the active promotions after an expired code, without the expired one', async () => {
    const c = await suite().chat();
    await c.say('is SUMMER25 valid?');
    const t = await c.say('what promotions do you have right now?');
    expect(t.reply).toContain('WELCOME10');
    expect(t.reply).not.toContain('SUMMER25');
  });

  it('answers the 30-day return window from the knowledge base', async () => {
    const t = await (await suite().chat()).say('What is your return policy?');
    expect(t.agent).toBe('support');
    expect(t.reply).toMatch(/30 days/);
    expect(t.sources[0]).toMatch(/^returns\.md#/);
  });

  it('answers standard shipping times and the free-shipping threshold', async () => {
    const t = await (await suite().chat()).say('How long does standard shipping take?');
    expect(t.reply).toMatch(/3–5 business days/);
  });

  it('answers the express shipping price', async () => {
    const t = await (await suite().chat()).say('How much is express shipping?');
    expect(t.reply).toContain('$14.99');
  });

  it('answers the warranty length', async () => {
    const t = await (await suite().chat()).say('How long is the warranty on your products?');
    expect(t.reply).toMatch(/12-month/);
  });

  it('answers the price-match window', async () => {
    const t = await (await suite().chat()).say('Do you price match?');
    expect(t.reply).toMatch(/14 days/);
  });

  it('quotes a product\'s price and stock exactly as in the database', async () => {
    const p = product('Nimbus X5');
    const t = await (await suite().chat()).say('How much is the Nimbus X5?');
    expect(t.agent).toBe('sales');
    expect(t.reply).toContain(money(p.priceCents));
    expect(t.reply).toContain(String(p.stock));
    expect(t.sources).toEqual([`product:${p.sku}`]);
  });

  it('resolves "how much is it?" to the product of the previous turn', async () => {
    const p = product('Voltra UltraBook 14');
    const c = await suite().chat();
    await c.say('Tell me about the Voltra UltraBook 14');
    const t = await c.say('how much is it?');
    expect(t.reply).toContain(money(p.priceCents));
    expect(t.reply).toContain(p.name);
  });

  it('resolves "and the other one?" to the product discussed before the last', async () => {
    const a = product('Nimbus X5');
    const b = product('Kestrel K9 Pro');
    const c = await suite().chat();
    await c.say('How much is the Nimbus X5?');
    await c.say('And the Kestrel K9 Pro?');
    const t = await c.say('and the other one?');
    expect(t.reply).toContain(a.name);
    expect(t.reply).toContain(money(a.priceCents));
    expect(t.reply).not.toContain(b.name);
  });

  it('says when a product is out of stock', async () => {
    const p = product('Voltra WorkPro 16');
    expect(p.stock).toBe(0);
    const t = await (await suite().chat()).say('Is the Voltra WorkPro 16 in stock?');
    expect(t.reply).toMatch(/out of stock/i);
  });

  it('searches a category within a price range using real rows', async () => {
    const t = await (await suite().chat()).say('Can you recommend laptops under $1,000?');
    expect(t.agent).toBe('sales');
    const shown = suite().catalog.filter((p) => t.sources.includes(`product:${p.sku}`));
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) {
      expect(p.category).toBe('laptops');
      expect(p.priceCents).toBeLessThanOrEqual(100_000);
      expect(t.reply).toContain(money(p.priceCents));
    }
  });

  it('compares two named products with both prices', async () => {
    const a = product('Nimbus X5');
    const b = product('Kestrel K9 Pro');
    const t = await (await suite().chat()).say('Compare the Nimbus X5 and the Kestrel K9 Pro');
    expect(t.reply).toContain(money(a.priceCents));
    expect(t.reply).toContain(money(b.priceCents));
  });

  it('explains how to pay from the knowledge base', async () => {
    const t = await (await suite().chat()).say('Which payment methods do you accept?');
    expect(t.reply).toMatch(/card|PayPal/i);
    expect(t.sources.some((s) => s.endsWith('.md') || s.includes('.md#'))).toBe(true);
  });

  it('hands a cross-domain turn from sales to logistics and answers both parts', async () => {
    const p = product('Nimbus X5');
    const t = await (await suite().chat({ as: ALICE })).say('How much is the Nimbus X5, and where is my order EM-10001?');
    expect(t.handoffs.length).toBeGreaterThanOrEqual(1);
    expect(t.handoffs.length).toBeLessThanOrEqual(2);
    expect(t.handoffs.map((h) => h.to)).toContain('logistics');
    expect(t.reply).toContain(money(p.priceCents));
    expect(t.reply).toContain(TRACKING);
  });

  it('hands a promo code question met by another agent to marketing', async () => {
    const t = await (await suite().chat()).say('How much is the Nimbus X5 with the code WELCOME10?');
    expect(t.handoffs.map((h) => h.to)).toContain('marketing');
    expect(t.reply).toMatch(/WELCOME10 is valid/);
  });

  it('escalates an angry message to a person, recording the reason', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('This is terrible, awful service! I hate this, my order is a disaster!!!');
    expect(t.sentiment.label).toBe('very_negative');
    expect(t.escalation?.reason).toBe('negative_sentiment');
    expect(t.reply).toMatch(/support team/i);
  });

  it('escalates "let me talk to a person"', async () => {
    const t = await (await suite().chat()).say('let me talk to a person');
    expect(t.escalation?.reason).toBe('customer_request');
    expect(t.route.domain).toBe('human');
  });

  it('escalates negative twice in a row with urgency words', async () => {
    const c = await suite().chat({ as: ALICE });
    const first = await c.say('my package is late and I am not happy');
    expect(first.escalation).toBeUndefined();
    const t = await c.say('this is bad, I need it today, it is urgent');
    expect(t.escalation?.reason).toBe('negative_sentiment');
  });

  it('sends a legal or safety issue to a person', async () => {
    const t = await (await suite().chat()).say('My charger caught fire and started to smoke');
    expect(t.escalation?.reason).toBe('policy');
  });

  it('asks a short clarifying question when the message is too vague to route', async () => {
    const t = await (await suite().chat()).say('zzqx vvbn plorf');
    expect(t.clarifying).toBe(true);
    expect(t.reply).toMatch(/\?/);
  });

  it('answers an out-of-scope question politely from general', async () => {
    const t = await (await suite().chat()).say('What is the capital of France?');
    expect(['general']).toContain(t.agent);
    expect(t.reply).not.toMatch(/Paris/);
  });

  it('measures sentiment and urgency on every message', async () => {
    const c = await suite().chat();
    const a = await c.say('Thanks, that is great!');
    expect(a.sentiment.label).toBe('positive');
    const b = await c.say('I need the Nimbus X5 urgently');
    expect(b.sentiment.urgent).toBe(true);
  });

  it('streams the reply as deltas that add up to the whole reply', async () => {
    const t = await (await suite().chat()).say('What is your return policy?');
    expect(t.deltas.length).toBeGreaterThan(1);
    expect(t.deltas.join('')).toBe(t.reply);
  });

  it('aborts the turn when the job deadline signal fires', async () => {
    const c = await suite().chat();
    await expect(c.say('What is your return policy?', { signal: AbortSignal.abort(new Error('deadline exceeded')) })).rejects.toThrow(/deadline/);
  });

  it('reports usage and whether the answer came from data', async () => {
    const c = await suite().chat();
    const ok = await c.say('What is your return policy?');
    expect(ok.fallback).toBe(false);
    expect(ok.usage?.provider).toMatch(/offline|openai/);
    const miss = await c.say('Do you sell the Zorblax Quantum 9000 hoverboard?');
    expect(miss.fallback).toBe(true);
  });

  it('tells Alice the status of her own ticket and nothing of Bob\'s', async () => {
    const c = await suite().chat({ as: ALICE });
    const own = await c.say('What is the status of ticket TK-1001?');
    expect(own.reply).toMatch(/TK-1001/);
    expect(own.reply).toMatch(/open/);
    const other = await c.say('and ticket TK-1002?');
    expect(other.reply).not.toMatch(/flickers|pending/i);
  });

  it('opens a ticket for a verified customer from the problem described before, once per replay', async () => {
    const open = async () => {
      const c = await suite().chat({ as: ALICE });
      await c.say('The Voltra SlimKeys Keyboard I bought has keys that stopped working');
      return c.say('please open a ticket');
    };
    const first = await open();
    const number = /TK-\d{4}/.exec(first.reply)?.[0];
    expect(number).toBeDefined();
    expect(first.sources).toEqual([`ticket:${number}`]);
    // A retried job replays the same turn: it must find the same ticket, not open a second one.
    const replay = await open();
    expect(replay.reply).toContain(number!);
  });

  it('asks a guest who wants a ticket to identify first', async () => {
    const t = await (await suite().chat()).say('I want to open a support ticket');
    expect(t.reply).toMatch(/sign in|email/i);
    expect(t.reply).not.toMatch(/TK-\d/);
  });

  it.each([
    ['How do I sign up for the newsletter?', 'promotions-and-newsletter.md'],
    ['How do loyalty points work?', 'loyalty-and-reviews.md'],
    ['Can I cancel my order before it ships?', 'orders-and-cancellation.md'],
    ['What are your opening hours?', 'store-hours-and-contact.md'],
    ['My phone will not charge, what can I do?', 'troubleshooting-phones.md'],
  ])('answers %j from %s', async (q, file) => {
    const t = await (await suite().chat()).say(q);
    expect(t.sources.some((s) => s.startsWith(`${file}#`))).toBe(true);
    expect(t.escalation).toBeUndefined();
  });

  it('lists a product\'s specs from the database row', async () => {
    const p = product('Nimbus X5');
    const t = await (await suite().chat()).say('What are the specs of the Nimbus X5?');
    const [key, value] = Object.entries(p.specs)[0]!;
    expect(t.reply).toContain(`${key}: ${String(value)}`);
  });

  it('answers "which is cheaper?" among the products just compared', async () => {
    const c = await suite().chat();
    await c.say('What is the difference between the Nimbus X5 and the Nimbus Lite 4?');
    const t = await c.say('which is cheaper?');
    const lite = product('Nimbus Lite 4');
    expect(t.reply).toContain(lite.name);
    expect(t.reply).toContain(money(lite.priceCents));
    expect(t.reply).not.toContain('Nimbus X5');
  });

  it('keeps the category of the conversation for "and the cheapest one?"', async () => {
    const c = await suite().chat();
    await c.say('Do you have TVs?');
    const t = await c.say('and the cheapest one?');
    const cheapest = suite().catalog.filter((p) => p.category === 'tvs' && p.stock > 0).sort((a, b) => a.priceCents - b.priceCents)[0]!;
    expect(t.reply).toContain(cheapest.name);
    expect(t.reply).toContain(money(cheapest.priceCents));
  });

  it('resolves "the second one" to the second product listed', async () => {
    const c = await suite().chat();
    const list = await c.say('Can you recommend laptops under $1,000?');
    const second = suite().catalog.find((p) => p.sku === list.sources[1]?.replace('product:', ''));
    expect(second).toBeDefined();
    const t = await c.say('how much is the second one?');
    expect(t.reply).toContain(second!.name);
    expect(t.reply).toContain(money(second!.priceCents));
  });

  it('lists a verified customer\'s own orders, and only those', async () => {
    const t = await (await suite().chat({ as: ALICE })).say('Where are my orders?');
    expect(t.reply).toContain('EM-10001');
    expect(t.reply).toContain('EM-10002');
    expect(t.reply).toContain(TRACKING);
    expectNothingAboutBobsOrder(t.reply);
    expect(t.reply).not.toContain('EM-10003');
  });
}
