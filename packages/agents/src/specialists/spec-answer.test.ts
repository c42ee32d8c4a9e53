import { describe, expect, it } from 'vitest';
import { answerSpec, answerStockOrPrice, asksOnlyStockOrPrice } from './spec-answer';

const drone = {
  name: 'SkyLark Drone',
  priceCents: 49900,
  stock: 17,
  specs: { range: 'Up to 10 km', flightTime: 'Up to 34 minutes', camera: '48 MP', weight: '249 g' },
};
const phone = { name: 'Lite 4', priceCents: 34900, stock: 3, specs: { ram: '6 GB', screen: '6.5" LCD', battery: '5,000 mAh' } };

describe('a question about one spec of the product in focus', () => {
  it('answers with the spec the product lists', () => {
    expect(answerSpec(drone, 'how long does the battery last?')).toBe('The SkyLark Drone — flight time: Up to 34 minutes. It costs $499.00 and is in stock (17 available).');
    expect(answerSpec(phone, 'how much RAM does it have?')).toMatch(/^The Lite 4 — ram: 6 GB\. .*only 3 left\.$/);
  });

  it('says what the details do not state instead of guessing or changing the subject', () => {
    const reply = answerSpec(phone, 'is it waterproof?')!;
    expect(reply).toMatch(/don't state its water resistance, so I can't confirm that/);
    expect(reply).toContain('ram: 6 GB');
    expect(reply).toMatch(/member of our team/);
    expect(answerSpec(phone, 'what colours does it come in?')).toMatch(/colour options/);
  });

  it('says when a connectivity feature asked about is not among those listed', () => {
    const lite = { ...phone, specs: { ...phone.specs, connectivity: '5G, Wi-Fi 5, Bluetooth 5.1' } };
    expect(answerSpec(lite, 'does it have nfc?')).toMatch(/^The Lite 4 — connectivity: 5G, Wi-Fi 5, Bluetooth 5\.1\. NFC is not among them\. It costs/);
    expect(answerSpec(lite, 'does it support 5g?')).not.toMatch(/not among them/);
  });

  it('answers the part it knows and names the part it does not', () => {
    const reply = answerSpec(drone, 'can I fly it in the rain?')!;
    expect(reply).toContain('flight time: Up to 34 minutes');
    expect(reply).toMatch(/don't state its water resistance/);
  });

  it('leaves questions that are not about a spec to the rest of the sales agent', () => {
    expect(answerSpec(drone, 'tell me more about it')).toBeUndefined();
    expect(answerSpec(drone, 'is it better than the other one for battery?')).toBeUndefined();
  });
});

describe('a stock or price follow-up about the product in focus', () => {
  it('answers the fact asked from the row, not the whole description', () => {
    expect(answerStockOrPrice(drone, 'is it in stock?')).toBe('Yes — the SkyLark Drone is in stock (17 available), at $499.00.');
    expect(answerStockOrPrice(phone, 'do you still have it?')).toBe('Yes — the Lite 4 is in stock, only 3 left, at $349.00.');
    expect(answerStockOrPrice({ ...phone, stock: 0 }, 'is it available?')).toBe('Sorry — the Lite 4 is currently out of stock (it costs $349.00).');
    expect(answerStockOrPrice(drone, 'how much is it?')).toBe('The SkyLark Drone costs $499.00 and is in stock (17 available).');
  });

  it('leaves anything more to the full answer', () => {
    expect(answerStockOrPrice(drone, 'how much is it and what is the range?')).toBeUndefined();
    expect(answerStockOrPrice(drone, 'is it in stock and is it any good?')).toBeUndefined();
    expect(answerStockOrPrice(drone, 'is it waterproof?')).toBeUndefined();
    expect(answerStockOrPrice(drone, 'how fast do you ship it?')).toBeUndefined();
  });
});

describe('a bare stock or price question', () => {
  it('is one about the product in focus, unless it names a policy or something more', () => {
    for (const q of ['and the price?', 'price?', 'still in stock?', 'how much?']) expect(asksOnlyStockOrPrice(q)).toBe(true);
    for (const q of ['whats the price match policy?', 'price adjustment?', 'how much is shipping?', 'what about the battery?', 'hello']) expect(asksOnlyStockOrPrice(q)).toBe(false);
  });
});
