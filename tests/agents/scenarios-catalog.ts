// Part of the shared conversation scenarios (see scenarios.ts).
import { expect, it } from 'vitest';
import type { GraphSuite } from './graph-suite';
import { ALICE, TRACKING, money, productOf } from './scenario-kit';

export function catalogScenarios(suite: () => GraphSuite) {
  const product = (name: string) => productOf(suite, name);

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
    expect([t.agent, ...t.handoffs.map((h) => h.to)]).toContain('marketing');
    expect(t.reply).toMatch(/WELCOME10 is valid/);
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

  it('lists the least expensive first for "a cheap laptop for school" (no price named)', async () => {
    const t = await (await suite().chat()).say('I need a cheap laptop for school');
    const [first, second] = suite().catalog.filter((p) => p.category === 'laptops' && p.stock > 0).sort((a, b) => a.priceCents - b.priceCents);
    expect(t.reply).toContain(`${first!.name} — ${money(first!.priceCents)}`);
    expect(t.reply.indexOf(first!.name)).toBeLessThan(t.reply.indexOf(second!.name));
    const priciest = suite().catalog.filter((p) => p.category === 'laptops').sort((a, b) => b.priceCents - a.priceCents)[0]!;
    expect(t.reply).not.toContain(priciest.name);
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

}
