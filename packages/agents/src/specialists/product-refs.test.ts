import { describe, expect, it } from 'vitest';
import type { Product } from '@em/db/queries/catalog';
import { emptyMemory } from '../graph/types';
import { pickAmong, pointsBack, referredSkus, shownSkus, wantedPick, WHICH_OF_SHOWN } from './product-refs';

const p = (sku: string, priceCents: number, rating: number, stock = 5) => ({ sku, priceCents, rating, stock }) as Product;
const memory = { ...emptyMemory(), lastProductSkus: ['A', 'B', 'C'], focusSku: 'A', previousFocusSku: 'Z' };

describe('references to earlier products', () => {
  it.each([
    ['how much is the second one?', ['B']],
    ['and the last one?', ['C']],
    ['which is cheaper?', ['A', 'B', 'C']],
    ['and the other one?', ['B']],
    ['is it in stock?', ['A']],
    ['do you sell drones', []],
  ])('%j → %j', (text, skus) => {
    expect(referredSkus(text, memory)).toEqual(skus);
  });

  it('takes the last two in focus as the products shown when they were shown one at a time', () => {
    const oneByOne = { ...emptyMemory(), lastProductSkus: ['K9'], focusSku: 'K9', previousFocusSku: 'X5' };
    expect(shownSkus(oneByOne)).toEqual(['X5', 'K9']);
    expect(shownSkus(memory)).toEqual(['A', 'B', 'C']);
    expect(shownSkus({ ...emptyMemory(), lastProductSkus: ['K9'], focusSku: 'K9' })).toEqual(['K9']);
    expect(referredSkus('which is lighter?', oneByOne)).toEqual(['X5', 'K9']);
    expect(WHICH_OF_SHOWN.test('which one has the better camera?')).toBe(true);
    expect(WHICH_OF_SHOWN.test('which of the two lasts longer')).toBe(true);
    expect(WHICH_OF_SHOWN.test('which camera is best?')).toBe(false);
  });

  it('does not treat a pronoun in a new category request as a reference', () => {
    expect(pointsBack('I need a phone that has a good camera', true)).toBe(false);
    expect(pointsBack('how much is that?', false)).toBe(true);
  });

  it('picks the cheapest, priciest or best in-stock product', () => {
    const ps = [p('A', 500, 4.1), p('B', 300, 4.8, 0), p('C', 400, 4.5)];
    expect(wantedPick('which is cheaper?')).toBe('cheapest');
    expect(pickAmong(ps, 'cheapest')?.sku).toBe('C');
    expect(pickAmong(ps, 'priciest')?.sku).toBe('A');
    expect(pickAmong(ps, 'best')?.sku).toBe('C');
  });
});
