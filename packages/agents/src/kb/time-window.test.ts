import { describe, expect, it } from 'vitest';
import { windowVerdict } from './time-window';

const RETURNS = 'ElectroMart accepts returns within 30 days of delivery.';
const PRICE_MATCH = 'If you find a lower price within 14 days of purchase, ElectroMart refunds the difference.';

describe('windowVerdict', () => {
  it('says a time past the window is past it, in the words the customer used', () => {
    expect(windowVerdict('can I return something I bought 40 days ago?', RETURNS)).toEqual({ past: true, text: '40 days is past the 30-day window.' });
    expect(windowVerdict("it's been six weeks, can I still send it back?", RETURNS)?.text).toBe('Six weeks is past the 30-day window.');
    expect(windowVerdict('I bought a TV a month ago and it is cheaper now', PRICE_MATCH)?.text).toBe('A month is past the 14-day window.');
  });

  it('says a time inside the window is within it (the boundary day included)', () => {
    expect(windowVerdict('I got it 20 days ago, can I return it?', RETURNS)).toEqual({ past: false, text: '20 days is within the 30-day window.' });
    expect(windowVerdict('delivered 30 days ago, too late to return?', RETURNS)?.past).toBe(false);
    expect(windowVerdict('I have had it for 2 weeks', RETURNS)?.text).toBe('2 weeks is within the 30-day window.');
  });

  it('claims nothing without both an elapsed time and a stated window', () => {
    expect(windowVerdict('can I return my headphones?', RETURNS)).toBeUndefined();
    expect(windowVerdict('do you take returns for 30 days?', RETURNS)).toBeUndefined();
    expect(windowVerdict('I bought it 40 days ago', 'Every product has a 12-month warranty.')).toBeUndefined();
    expect(windowVerdict('I bought it 3 days ago', 'Refunds reach your card within 48 hours.')).toBeUndefined();
  });
});
