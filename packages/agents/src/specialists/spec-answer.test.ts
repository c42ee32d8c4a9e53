import { describe, expect, it } from 'vitest';
import { answerSpec } from './spec-answer';

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
