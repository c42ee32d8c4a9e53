import { describe, expect, it } from 'vitest';
import { seededCatalogTerms } from '@em/db/seed/catalog-terms';
import { normalizeText, parseProductQuery, termsFromRows } from './product-query';

// The vocabulary the seeded catalog yields (what catalog_terms holds after seeding).
const terms = termsFromRows(seededCatalogTerms());
const parse = (text: string) => parseProductQuery(text, terms);
const HEADPHONE_KINDS = ['headphones', 'earbuds', 'headset'];

describe('product types and categories come from the terms data', () => {
  it.each([
    ['do you sell any drones?', 'cameras', ['drone']],
    ['e-readers?', 'tablets', ['e-reader']],
    ['do you have an ereader', 'tablets', ['e-reader']],
    ['I need a robot vacuum', 'smart-home', ['robot-vacuum']],
    ['power banks', 'accessories', ['power-bank']],
    ['a soundbar for my living room', 'audio', ['soundbar']],
    ['show me monitors', 'accessories', ['monitor']],
    ['the cheapest television', 'tvs', ['tv']],
    ['any good tvs', 'tvs', ['tv']],
    ['smartwatches', 'wearables', ['smartwatch']],
    ['gaming keyboard', 'gaming', ['keyboard']],
    ['smart home camera', 'smart-home', ['security-camera']],
    ['labtop', 'laptops', ['laptop']], // typo, one edit away
  ])('%j → %s %j', (text, category, kinds) => {
    expect(parse(text)).toMatchObject({ category, kinds });
  });

  it('keeps a type spread over categories as kinds without a category', () => {
    expect(parse('hedphones')).toEqual({ kinds: HEADPHONE_KINDS });
    const q = parse('keyboards');
    expect(q.category).toBeUndefined();
    expect(q.kinds).toEqual(['keyboard']);
    expect(parse('most expensive camera').kinds).toEqual(['camera', 'action-camera', 'security-camera']);
  });

  it('names a whole category with a category word', () => {
    expect(parse('what audio stuff do you have')).toEqual({ category: 'audio' });
    expect(parse('smart home devices under $100')).toEqual({ category: 'smart-home', maxPriceCents: 10000 });
  });

  it('finds the head noun: a 4K monitor is not a TV, a laptop charger is a charger', () => {
    expect(parse('4k monitor')).toMatchObject({ category: 'accessories', kinds: ['monitor'], filters: { resolution: '4k' } });
    expect(parse('laptop charger')).toMatchObject({ category: 'accessories', kinds: ['charger'], text: 'laptop' });
    expect(parse('a phone with a good camera')).toEqual({ category: 'phones', kinds: ['phone'], text: 'camera' });
    expect(parse('gaming laptop')).toEqual({ category: 'laptops', kinds: ['laptop'], text: 'gaming' });
    expect(parse('phones and tablets').kinds).toEqual(['phone', 'tablet']);
  });

  it('does not read verbs as product types', () => {
    expect(parse('something to watch movies on').kinds).toBeUndefined();
    expect(parse('a smart watch').kinds).toEqual(['smartwatch']);
  });
});

describe('budget', () => {
  it.each([
    ['under $1000', { maxPriceCents: 100000 }],
    ['below 500 dollars', { maxPriceCents: 50000 }],
    ['less than 300 bucks', { maxPriceCents: 30000 }],
    ['under 1k', { maxPriceCents: 100000 }],
    ['no more than $1,299.99', { maxPriceCents: 129999 }],
    ['nothing over 250 bucks', { maxPriceCents: 25000 }],
    ['not more than $300', { maxPriceCents: 30000 }],
    ["I can't spend more than $600", { maxPriceCents: 60000 }],
    ['cant go above 450 dollars', { maxPriceCents: 45000 }],
    ["I don't want to spend above 200 dollars", { maxPriceCents: 20000 }],
    ['over $200 but nothing over $400', { minPriceCents: 20000, maxPriceCents: 40000 }],
    ['my budget is $800', { maxPriceCents: 80000 }],
    ['$500 or less', { maxPriceCents: 50000 }],
    ['under 500', { maxPriceCents: 50000 }],
    ['between $200 and $400', { minPriceCents: 20000, maxPriceCents: 40000 }],
    ['between 200 and 400 dollars', { minPriceCents: 20000, maxPriceCents: 40000 }],
    ['$200-$400', { minPriceCents: 20000, maxPriceCents: 40000 }],
    ['from 1k to 1.5k', { minPriceCents: 100000, maxPriceCents: 150000 }],
    ['over $2000', { minPriceCents: 200000 }],
    ['$300+', { minPriceCents: 30000 }],
    ['around $300', { minPriceCents: 24000, maxPriceCents: 36000 }],
    ['about 1k', { minPriceCents: 80000, maxPriceCents: 120000 }],
    ['over $200 but under $400', { minPriceCents: 20000, maxPriceCents: 40000 }],
  ])('%j', (text, want) => {
    const q = parse(text);
    expect({ minPriceCents: q.minPriceCents, maxPriceCents: q.maxPriceCents }).toEqual({ minPriceCents: undefined, maxPriceCents: undefined, ...want });
  });

  it('never reads a spec number as money', () => {
    expect(parse('at least 512GB storage')).toEqual({ filters: { storageGb: { min: 512 } } });
    expect(parse('a tv under 2k').maxPriceCents).toBe(200000);
    expect(parse('a 2k camera').maxPriceCents).toBeUndefined();
    expect(parse('laptop under 2 kg')).toEqual({ category: 'laptops', kinds: ['laptop'], filters: { weightKg: { max: 2 } } });
    expect(parse('a tablet for 2 kids')).toEqual({ category: 'tablets', kinds: ['tablet'], text: 'kids children' });
  });
});

describe('spec constraints', () => {
  it.each([
    ['16 GB of RAM under $1000', { maxPriceCents: 100000, filters: { ramGb: { min: 16 } } }],
    ['16gb ram laptop', { category: 'laptops', filters: { ramGb: { min: 16 } } }],
    ['a laptop with 32GB memory', { filters: { ramGb: { min: 32 } } }],
    ['at most 8 GB RAM', { filters: { ramGb: { max: 8 } } }],
    ['at least 512GB storage', { filters: { storageGb: { min: 512 } } }],
    ['1TB laptop', { filters: { storageGb: { min: 1000 } } }],
    ['2 tb ssd', { filters: { storageGb: { min: 2000 } } }],
    ['256GB phone', { filters: { storageGb: { min: 256 } } }],
    ['65 inch tv', { filters: { screenIn: { min: 62.4, max: 67.6 } } }],
    ['65" OLED TV', { filters: { screenIn: { min: 62.4, max: 67.6 }, panel: ['oled'] } }],
    ['a 14-inch laptop', { filters: { screenIn: { min: 13.44, max: 14.56 } } }],
    ['tv 55 inches or bigger', { filters: { screenIn: { min: 55 } } }],
    ['the cheapest 4K TV', { category: 'tvs', sort: 'price_asc', filters: { resolution: '4k' } }],
    ['full hd tv', { filters: { resolution: '1080p' } }],
    ['120Hz monitor', { filters: { refreshHz: { min: 120 } } }],
    ['144 hz or more', { filters: { refreshHz: { min: 144 } } }],
    ['phone with a 50mp camera', { filters: { cameraMp: { min: 50 } } }],
    ['5000 mAh battery', { filters: { batteryMah: { min: 5000 } } }],
    ['headphones with 30 hours battery life', { filters: { batteryH: { min: 30 } } }],
    ['battery life of at least 10 hours', { filters: { batteryH: { min: 10 } } }],
    ['ram of 16gb', { filters: { ramGb: { min: 16 } } }],
    ['tv bigger than 60 inches', { filters: { screenIn: { min: 60 } } }],
    ['laptop lighter than 1.5 kg', { filters: { weightKg: { max: 1.5 } } }],
    ['512 gb ssd', { filters: { storageGb: { min: 512 } } }],
    ['drone under 250 g', { filters: { weightKg: { max: 0.25 } } }],
    ['100W charger', { filters: { powerW: { min: 100 } } }],
  ])('%j', (text, want) => {
    expect(parse(text)).toMatchObject(want);
  });

  it.each([
    ['noise cancelling headphones under $300', { kinds: HEADPHONE_KINDS, maxPriceCents: 30000, filters: { anc: true } }],
    ['noise-canceling earbuds', { filters: { anc: true } }],
    ['headphones with ANC', { filters: { anc: true } }],
    ['headphones without noise cancelling', { filters: { anc: false } }],
    ['waterproof speaker', { filters: { waterproof: true } }],
    ['water resistant earbuds', { filters: { waterResistant: true } }],
    ['wireless mouse', { kinds: ['mouse'], filters: { wireless: true } }],
    ['wired earphones', { filters: { wireless: false } }],
    ['phone with wireless charging', { filters: { wirelessCharging: true } }],
    ['a 5g phone under 400', { maxPriceCents: 40000, filters: { fiveG: true } }],
    ['laptop with a dedicated graphics card', { filters: { dedicatedGpu: true } }],
    ['mini-led tv', { filters: { panel: ['mini-led'] } }],
  ])('feature %j', (text, want) => {
    expect(parse(text)).toMatchObject(want);
  });
});

describe('sort words and free words', () => {
  it.each([
    ['cheapest laptop', 'price_asc'],
    ['least expensive phone', 'price_asc'],
    ['most expensive tv', 'price_desc'],
    ['priciest camera', 'price_desc'],
    ['best rated headphones', 'rating'],
    ['top-rated tablets', 'rating'],
    ['what is your best smartwatch', 'rating'],
  ])('%j → %s', (text, sort) => expect(parse(text).sort).toBe(sort));

  it('keeps content words and drops filler', () => {
    expect(parse('I want a laptop for video editing with 32gb')).toEqual({
      category: 'laptops',
      kinds: ['laptop'],
      text: 'video editing',
      filters: { ramGb: { min: 32 } },
    });
    expect(parse('do you have anything from nimbas?')).toEqual({ text: 'nimbas' });
    expect(parse('hello, can you help me?').text).toBe('help');
    expect(parse('')).toEqual({});
  });

  it('reads a child as who it is for, in the catalog\'s word, and a teenager not', () => {
    expect(parse('need a tablet for my 6 year old')).toMatchObject({ category: 'tablets', text: 'children' });
    expect(parse('a tablet the kids can use')).toMatchObject({ text: 'kids use children' });
    expect(parse('a laptop for my 16 year old').text).not.toContain('children');
  });

  it('normalises like catalog_terms', () => {
    expect(normalizeText('E-Readers?!')).toBe('e readers');
    expect(parse('E-READER')).toMatchObject({ kinds: ['e-reader'] });
  });
});
