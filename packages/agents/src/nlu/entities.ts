import type { Product } from '@em/db/queries/catalog';

export interface Entities {
  orderNumbers: string[];
  ticketNumbers: string[];
  emails: string[];
  promoCodes: string[];
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  /** A money amount named outside a price range ("10% off $200?"). */
  amountCents?: number;
  /** Catalog SKUs whose names the message mentions, best match first. */
  productSkus: string[];
}

const CATEGORY_WORDS: Array<[RegExp, string]> = [
  [/\b(laptops?|notebooks?|ultrabooks?|macbooks?|chromebooks?)\b/i, 'laptops'],
  // Not "phone number", "by phone", "phone lines": those are contact questions.
  [/(?<!\bby )\b(phones?|smartphones?|mobiles?|cell ?phones?)\b(?!\s*(numbers?|calls?|lines?|support|hours))/i, 'phones'],
  [/\b(tvs?|televisions?|oled|qled)\b/i, 'tvs'],
  [/\b(headphones?|earbuds?|speakers?|soundbars?|audio|headsets?)\b/i, 'audio'],
  [/\b(cameras?|dslr|mirrorless|webcams?|action cam)\b/i, 'cameras'],
  [/\b(smart ?home|smart (bulbs?|plugs?|locks?|thermostats?)|doorbells?|hubs?)\b/i, 'smart-home'],
  [/\b(tablets?|ipads?)\b/i, 'tablets'],
  [/\b(smart ?watch(es)?|watch(es)?|fitness trackers?|wearables?)\b/i, 'wearables'],
  [/\b(consoles?|gaming|controllers?)\b/i, 'gaming'],
  [/\b(chargers?|cables?|cases?|adapters?|mouse|mice|keyboards?|accessor(y|ies)|power ?banks?)\b/i, 'accessories'],
];

const PRICE = String.raw`\$\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:dollars|usd|bucks)\b`;
const toCents = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
const NUM = String.raw`\$?\s?(\d[\d,]*(?:\.\d{1,2})?)\s?(?:dollars|usd|bucks)?`;

// Compiled once, not per message (issue 18). None is global, so none keeps state between calls.
const BETWEEN = new RegExp(String.raw`between\s+${NUM}\s+(?:and|-|to)\s+${NUM}`, 'i');
const UNDER = new RegExp(String.raw`(?:under|below|less than|max(?:imum)?|up to|no more than|cheaper than|within)\s+${NUM}`, 'i');
const OVER = new RegExp(String.raw`(?:over|above|more than|at least|from)\s+${NUM}`, 'i');
// "nothing over 250 bucks", "not more than $300", "don't want to spend above 200": a negated lower
// bound is an upper one (read before OVER, which would take it as a minimum).
export const NEGATED_OVER = String.raw`\b(?:nothing|not|never|(?:don|can|won)'?t|do not|cannot|will not)(?:\s+[a-z']+){0,3}?\s+(?:over|above|more than|beyond)`;
const NOT_OVER = new RegExp(String.raw`${NEGATED_OVER}\s+${NUM}`, 'i');
const FIRST_PRICE = new RegExp(PRICE, 'i');

function priceRange(text: string): Pick<Entities, 'minPriceCents' | 'maxPriceCents'> {
  const between = BETWEEN.exec(text);
  if (between) return { minPriceCents: toCents(between[1]!), maxPriceCents: toCents(between[2]!) };
  const notOver = NOT_OVER.exec(text);
  const under = notOver ?? UNDER.exec(text);
  const over = OVER.exec(notOver ? text.replace(notOver[0], ' ') : text);
  return {
    ...(under ? { maxPriceCents: toCents(under[1]!) } : {}),
    ...(over ? { minPriceCents: toCents(over[1]!) } : {}),
  };
}

function priceAndAmount(text: string): Pick<Entities, 'minPriceCents' | 'maxPriceCents' | 'amountCents'> {
  const range = priceRange(text);
  if (range.minPriceCents !== undefined || range.maxPriceCents !== undefined) return range;
  const m = FIRST_PRICE.exec(text);
  return m ? { amountCents: toCents(m[0].replace(/[^\d.,]/g, '')) } : {};
}

const ALL_PRICES = new RegExp(PRICE, 'gi');
const SPEC_FIGURE = /\b\d+(?:\.\d+)?\s?(?:gb|tb|mb|k|p|hz|mp|w|mah|wh|inch(?:es)?|in|"|hours?|hrs?|h|mm|cm|m|kg|g)\b|\b\d+(?:\.\d+)?"/gi;

const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * Coined words of product names, lower-cased, each with the one product it names: a capital inside
 * the word ("SoundHalo", "ThunderBar", "WorkPro"), at least six letters, in no other name and no
 * category word ("UltraBook" is also what people call a thin laptop). On its own such a word names
 * its product ("the soundhalo"). Kept per catalog array: the catalog changes only with a new array.
 */
const coinedCache = new WeakMap<object, Map<string, string>>();
function coinedWords(catalog: Pick<Product, 'sku' | 'name'>[]): Map<string, string> {
  let coined = coinedCache.get(catalog);
  if (coined) return coined;
  const owners = new Map<string, Set<string>>();
  for (const p of catalog) {
    for (const w of p.name.match(/[A-Za-z]+/g) ?? []) {
      const lw = w.toLowerCase();
      owners.set(lw, (owners.get(lw) ?? new Set()).add(p.sku));
    }
  }
  coined = new Map();
  for (const p of catalog) {
    for (const w of p.name.match(/[A-Za-z]+/g) ?? []) {
      const lw = w.toLowerCase();
      if (/^[A-Z]?[a-z]+[A-Z]/.test(w) && lw.length >= 6 && owners.get(lw)!.size === 1 && !CATEGORY_WORDS.some(([re]) => re.test(lw))) coined.set(lw, p.sku);
    }
  }
  coinedCache.set(catalog, coined);
  return coined;
}

/** Products whose distinctive name words the text contains (brand alone is not enough). */
export function matchProducts(text: string, catalog: Pick<Product, 'sku' | 'name' | 'brand'>[]): string[] {
  // Prices are not model numbers ("under $1,000" must not match the "5.1" soundbar).
  // Spec figures are not model numbers either ("16 GB", "4K", "65 inch", "120Hz").
  const plain = text.replace(ALL_PRICES, ' ').replace(SPEC_FIGURE, ' ');
  const have = new Set(words(plain));
  const coined = coinedWords(catalog);
  const scored: Array<{ sku: string; score: number; complete?: string[] }> = [];
  for (const p of catalog) {
    const brand = new Set(words(p.brand));
    // Single characters ("5.1" → "5", "1") are too common in text to identify a product.
    const nameWords = words(p.name).filter((w) => !brand.has(w) && w.length > 1);
    if (!nameWords.length) continue;
    const hits = nameWords.filter((w) => have.has(w)).length;
    const brandHit = words(p.brand).some((w) => have.has(w));
    // A bare number ("16") is a model only beside another word of the name or its brand: "my 16 year
    // old" and "16 people" name no laptop; "x5" alone does.
    const modelHit = nameWords.some((w) => /\d/.test(w) && have.has(w) && (/[a-z]/.test(w) || hits > 1 || brandHit));
    const coinedHit = nameWords.some((w) => have.has(w) && coined.get(w) === p.sku);
    const score = hits / nameWords.length + (modelHit || coinedHit ? 0.5 : 0) + (brandHit ? 0.2 : 0);
    if (score >= 0.7 && hits > 0) scored.push({ sku: p.sku, score, ...(hits === nameWords.length ? { complete: nameWords } : {}) });
  }
  // Keep the clear matches: two products named in one message score alike, a shared word ("16") does not.
  // A name given in full is named too, even when the other has a model number ("the Nimbus X5 and the
  // Nimbus Lite 4": "lite"), unless its words are part of a longer name also given ("Tab 13" in "Tab 13 Pro").
  const best = Math.max(0, ...scored.map((x) => x.score));
  const partOfLonger = (x: (typeof scored)[number]) =>
    scored.some((y) => y !== x && y.complete && y.complete.length > x.complete!.length && x.complete!.every((w) => y.complete!.includes(w)));
  return scored
    .filter((x) => x.score >= best - 0.35 || (x.complete && !partOfLonger(x)))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.sku);
}

export function extractEntities(text: string, catalog: Pick<Product, 'sku' | 'name' | 'brand'>[]): Entities {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const codes = ((text.match(/\b[A-Z]{3,}\d{1,3}\b/g) ?? []) as string[]).concat(
    (text.match(/\b(?:code|coupon|promo)\s+([a-z]{3,}\d{1,3})\b/gi) ?? []).map((m) => m.split(/\s+/).pop()!.toUpperCase()),
  );
  const category = CATEGORY_WORDS.find(([re]) => re.test(text))?.[1];
  return {
    orderNumbers: uniq((text.match(/\bEM-?\d{5}\b/gi) ?? []).map((o) => o.toUpperCase().replace(/^EM-?/, 'EM-'))),
    ticketNumbers: uniq((text.match(/\bTK-?\d{4}\b/gi) ?? []).map((t) => t.toUpperCase().replace(/^TK-?/, 'TK-'))),
    emails: uniq((text.match(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g) ?? []).map((e) => e.toLowerCase())),
    promoCodes: uniq(codes.filter((c) => !/^EM\d|^TK\d/.test(c))),
    ...(category ? { category } : {}),
    ...priceAndAmount(text),
    productSkus: matchProducts(text, catalog),
  };
}
