import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities';

const catalog = [
  { sku: 'EM-PHN-001', name: 'Nimbus X5', brand: 'Nimbus' },
  { sku: 'EM-LAP-001', name: 'Voltra UltraBook 14', brand: 'Voltra' },
];

describe('entity extraction', () => {
  it('finds order and ticket numbers, emails and promo codes', () => {
    const e = extractEntities('Order em10001 and TK-1002, email Alice@Example.com, code WELCOME10', catalog);
    expect(e.orderNumbers).toEqual(['EM-10001']);
    expect(e.ticketNumbers).toEqual(['TK-1002']);
    expect(e.emails).toEqual(['alice@example.com']);
    expect(e.promoCodes).toEqual(['WELCOME10']);
  });

  it('reads price ranges and categories', () => {
    expect(extractEntities('a laptop under $1,000', catalog)).toMatchObject({ category: 'laptops', maxPriceCents: 100000 });
    expect(extractEntities('phones between 300 and 600 dollars', catalog)).toMatchObject({ category: 'phones', minPriceCents: 30000, maxPriceCents: 60000 });
    // A negated lower bound is an upper one: "nothing over 250 bucks" is a budget, not a minimum.
    expect(extractEntities('headphones, nothing over 250 bucks', catalog)).toMatchObject({ maxPriceCents: 25000 });
    expect(extractEntities('headphones, nothing over 250 bucks', catalog).minPriceCents).toBeUndefined();
    expect(extractEntities("over $100 but I won't go above $300", catalog)).toMatchObject({ minPriceCents: 10000, maxPriceCents: 30000 });
  });

  it('matches catalog product names, not brands alone', () => {
    expect(extractEntities('how much is the nimbus x5?', catalog).productSkus).toEqual(['EM-PHN-001']);
    expect(extractEntities('do you sell voltra stuff', catalog).productSkus).toEqual([]);
  });

  it('takes a coined name word alone ("the soundhalo") as its product, but no generic or shared word', () => {
    const audio = [
      { sku: 'HALO', name: 'Aurelia SoundHalo ANC', brand: 'Aurelia' },
      { sku: 'HUSH', name: 'Sable Hush Pro', brand: 'Sable' },
      { sku: 'BOOK', name: 'Voltra UltraBook 14', brand: 'Voltra' },
      { sku: 'GAN', name: 'Tidewell 100W GaN Charger', brand: 'Tidewell' },
      { sku: 'BAR', name: 'Halden ThunderBar 5.1', brand: 'Halden' },
    ];
    expect(extractEntities('is the soundhalo any good?', audio).productSkus).toEqual(['HALO']);
    expect(extractEntities('is the hush pro or the soundhalo better for flights?', audio).productSkus.sort()).toEqual(['HALO', 'HUSH']);
    expect(extractEntities('how loud is the thunderbar', audio).productSkus).toEqual(['BAR']);
    // "ultrabook" is also what people call a thin laptop; "GaN" is a kind of charger, and short.
    expect(extractEntities('I need an ultrabook for work', audio).productSkus).toEqual([]);
    expect(extractEntities('do you have a gan charger?', audio).productSkus).toEqual([]);
    // Without a capital inside, a single name word still needs the rest of the name.
    expect(extractEntities('do you have anything with anc?', audio).productSkus).toEqual([]);
  });

  it('keeps every product named in full, also beside one with a model number', () => {
    const phones = [
      { sku: 'X5', name: 'Nimbus X5', brand: 'Nimbus' },
      { sku: 'LITE', name: 'Nimbus Lite 4', brand: 'Nimbus' },
      { sku: 'TAB13', name: 'Nimbus Tab 13 Pro', brand: 'Nimbus' },
      { sku: 'TAB11', name: 'Nimbus Tab 11', brand: 'Nimbus' },
    ];
    expect(extractEntities('tell me about the nimbus x5 and the nimbus lite 4', phones).productSkus).toEqual(['X5', 'LITE']);
    // A bare number is no model on its own ("my 16 year old"), but is beside the brand or another word.
    const laptops = [{ sku: 'L16', name: 'Voltra WorkPro 16', brand: 'Voltra' }];
    expect(extractEntities('a laptop for my 16 year old', laptops).productSkus).toEqual([]);
    expect(extractEntities('is the voltra 16 any good', laptops).productSkus).toEqual(['L16']);
    expect(extractEntities('the workpro 16 please', laptops).productSkus).toEqual(['L16']);
    // A shared word of another name ("tab") is still not a mention of it.
    expect(extractEntities('is the nimbus tab 13 pro any good', phones).productSkus).toEqual(['TAB13']);
  });
});
