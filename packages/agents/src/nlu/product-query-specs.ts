// Budget, spec constraints, features and sort words in a shopping message. Each extractor returns what
// it found and the text with the matched span blanked, so later steps (type nouns, free words) never
// see "16 GB" or "$1000" again. Units are explicit: a number with a unit is never a price.
import type { CatalogFilters, CatalogQuery, Range } from '@em/db/queries/catalog-search';
import { NEGATED_OVER } from './entities';

type Numeric = Exclude<keyof CatalogFilters, 'resolution' | 'panel' | BooleanKey>;
type BooleanKey = 'anc' | 'wireless' | 'wirelessCharging' | 'dedicatedGpu' | 'fiveG' | 'nfc' | 'hdr' | 'touchscreen' | 'waterproof' | 'waterResistant';

export interface Extracted {
  rest: string;
  filters: CatalogFilters;
  minPriceCents?: number;
  maxPriceCents?: number;
  sort?: CatalogQuery['sort'];
}

const N = String.raw`(\d+(?:[.,]\d+)*)`;
const AT_LEAST = String.raw`at least|min(?:imum)?(?: of)?|more than|over|above|no less than|bigger than|larger than|>=?`;
const AT_MOST = String.raw`at most|max(?:imum)?(?: of)?|under|below|less than|up to|no more than|smaller than|lighter than|<=?`;
const AFTER_MIN = String.raw`or more|or higher|or bigger|or larger|or above|plus|minimum|min|and up|and above`;
const AFTER_MAX = String.raw`or less|or lower|or smaller|or under|or below|max(?:imum)?|tops`;
const num = (s: string) => Number(s.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
const blank = (text: string, m: RegExpExecArray) => text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);

type Default = 'min' | 'max' | 'around';

interface UnitSpec {
  key: Numeric;
  unit: string;
  /** Multiplier into the stored unit (TB → GB, g → kg). */
  scale?: (unitText: string) => number;
  /** The word the number must be said with, after ("16 GB of RAM") or before it ("RAM of 16 GB"). */
  noun?: string;
  default: Default;
}

// Tried in order; RAM and storage need their noun, except TB (always storage) and a bare GB below (resolved by size).
const UNIT_SPECS: UnitSpec[] = [
  { key: 'ramGb', unit: 'gb', noun: String.raw`ram|memory|unified memory`, default: 'min' },
  { key: 'storageGb', unit: 'gb|tb', scale: (u) => (/tb/i.test(u) ? 1000 : 1), noun: String.raw`storage|ssd|space|disk|hard drive|hdd|rom`, default: 'min' },
  { key: 'storageGb', unit: 'tb', scale: () => 1000, default: 'min' },
  { key: 'screenIn', unit: String.raw`"|''|-?\s?inch(?:es)?\b`, default: 'around' },
  { key: 'refreshHz', unit: 'hz', default: 'min' },
  { key: 'cameraMp', unit: 'mp|megapixels?', default: 'min' },
  { key: 'batteryMah', unit: 'mah', default: 'min' },
  { key: 'batteryH', unit: 'hours?|hrs?|h', noun: String.raw`battery(?:\s+life)?|runtime|playback|play|playtime`, default: 'min' },
  { key: 'weightKg', unit: 'kg|kilos?|g|grams?|lbs?|pounds?', scale: (u) => (/^k/i.test(u) ? 1 : /^(lb|pound)/i.test(u) ? 0.4536 : 0.001), default: 'max' },
  { key: 'powerW', unit: 'w|watts?', default: 'min' },
];

/** Screen sizes are asked loosely: "a 65 inch TV" is 62.4–67.6 (±4%). */
const AROUND = 0.04;

// Compiled once: building them per message was a measurable share of the worker's CPU (issue 18).
// Global regexes keep lastIndex between calls, so each loop starts at 0.
const UNIT_PATTERNS = UNIT_SPECS.map((spec) => {
  const lead = spec.noun ? String.raw`(?:\b(?<lead>${spec.noun})\s+(?:of\s+|is\s+|with\s+)?)?` : '';
  const noun = spec.noun ? String.raw`(?:\s*(?:of\s+)?(?<noun>${spec.noun})\b)?` : '';
  const re = new RegExp(
    String.raw`${lead}(?:\b(?<least>${AT_LEAST})\s+|\b(?<most>${AT_MOST})\s+)?(?<n>${N.slice(1, -1)})\s*(?<unit>${spec.unit})(?<plus>\+)?${noun}(?:\s+(?<amin>${AFTER_MIN})\b|\s+(?<amax>${AFTER_MAX})\b)?`,
    'gi',
  );
  return { spec, re };
});
const BARE_GB = new RegExp(String.raw`(?:\b(${AT_LEAST})\s+|\b(${AT_MOST})\s+)?${N}\s*gb\b(\+)?`, 'gi');

function unitConstraints(text: string, filters: CatalogFilters): string {
  for (const { spec, re } of UNIT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const g = m.groups!;
      if (spec.noun && !g.lead && !g.noun) continue;
      const qualified = !!(g.least || g.most || g.amin || g.amax);
      // "5g phone" is a network, not 5 grams: bare grams only with a bound ("under 300 g").
      if (spec.key === 'weightKg' && /^g$/i.test(g.unit!) && !qualified) continue;
      const value = Math.round(num(g.n!) * (spec.scale?.(g.unit!) ?? 1) * 1000) / 1000;
      const mode: Default = g.least || g.plus || g.amin ? 'min' : g.most || g.amax ? 'max' : spec.default;
      const range: Range = mode === 'min' ? { min: value } : mode === 'max' ? { max: value } : { min: round(value * (1 - AROUND)), max: round(value * (1 + AROUND)) };
      filters[spec.key] = { ...filters[spec.key], ...range };
      text = blank(text, m);
      re.lastIndex = 0;
    }
  }
  // A bare "16GB" reads as memory and a bare "256GB" as storage: RAM tops out at 32 GB in this catalog, storage starts at 64 GB.
  const bare = BARE_GB;
  bare.lastIndex = 0;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const value = num(m[3]!);
    const key = value <= 32 ? 'ramGb' : 'storageGb';
    filters[key] = { ...filters[key], ...(m[2] ? { max: value } : { min: value }) };
    text = blank(text, m);
    bare.lastIndex = 0;
  }
  return text;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Money mentions become placeholders (§0, §1…) so the range patterns below read like "under §0". */
const MONEY = new RegExp(String.raw`\$\s?${N}\s*(k\b)?|\b${N}\s*(k)?\s*(?:dollars|usd|bucks)\b|\b${N}\s*(k)\b`, 'gi');
const PRICE_WORDS = String.raw`under|below|less than|cheaper than|max(?:imum)?|up to|no more than|at most|within|budget(?: is| of)?|for|over|above|more than|at least|starting at|from|between|around|about|approximately|roughly|close to`;
const NOT_MONEY_AFTER = String.raw`\s*(?:%|gb|tb|mb|hz|mp|mah|w\b|watts?|kg|g\b|grams?|lbs?|inch|"|hours?|hrs?|minutes?|people|persons?|years?|months?|weeks?|days?|kids?|rooms?|x\b|k\b|[.,]?\d)`;
/** After a price word, a number with no unit is money ("under 500"); unit-bearing numbers were taken by unitConstraints. */
const BARE_PRICE = new RegExp(String.raw`\b(${PRICE_WORDS})\s+${N}(?!${NOT_MONEY_AFTER})`, 'gi');
const BARE_SECOND = new RegExp(String.raw`(§\d+)\s*(and|to|-)\s*${N}(?!${NOT_MONEY_AFTER})`, 'gi');

function moneyPlaceholders(text: string): { text: string; cents: number[] } {
  const cents: number[] = [];
  const hold = (value: number) => `§${cents.push(Math.round(value * 100)) - 1}`;
  text = text.replace(MONEY, (_m, a, ak, b, bk, c) => hold(num(a ?? b ?? c) * (ak || bk || c ? 1000 : 1)));
  text = text.replace(BARE_PRICE, (_m, word: string, n: string) => `${word} ${hold(num(n))}`);
  text = text.replace(BARE_SECOND, (_m, first: string, joint: string, n: string) => `${first} ${joint} ${hold(num(n))}`);
  return { text, cents };
}

const P = String.raw`§(\d+)`;
const PRICE_PATTERNS: Array<[RegExp, (a: number, b?: number) => Pick<Extracted, 'minPriceCents' | 'maxPriceCents'>, band?: boolean]> = [
  [new RegExp(String.raw`\b(?:between|from)\s+${P}\s*(?:and|to|-)\s*${P}`, 'i'), (a, b) => ({ minPriceCents: Math.min(a, b!), maxPriceCents: Math.max(a, b!) })],
  [new RegExp(String.raw`${P}\s*(?:-|to)\s*${P}`, 'i'), (a, b) => ({ minPriceCents: Math.min(a, b!), maxPriceCents: Math.max(a, b!) })],
  [new RegExp(String.raw`${P}\s*(?:or less|or under|or below|max(?:imum)?|tops)\b`, 'i'), (a) => ({ maxPriceCents: a })],
  // "nothing over §0", "not more than §0": an upper bound, before "over §0" below takes it as a minimum.
  [new RegExp(String.raw`${NEGATED_OVER}\s+${P}`, 'i'), (a) => ({ maxPriceCents: a })],
  [new RegExp(String.raw`\b(?:under|below|less than|cheaper than|max(?:imum)?|up to|no more than|at most|within|budget(?: is| of)?|for)\s+${P}`, 'i'), (a) => ({ maxPriceCents: a })],
  [new RegExp(String.raw`${P}\s*(?:\+|or more|and up|and above)`, 'i'), (a) => ({ minPriceCents: a })],
  [new RegExp(String.raw`\b(?:over|above|more than|at least|starting at|from)\s+${P}`, 'i'), (a) => ({ minPriceCents: a })],
  // "around $300", or a lone "$300": a band of ±20%.
  [new RegExp(String.raw`(?:\b(?:around|about|approximately|roughly|close to)\s+|~\s*)?${P}`, 'i'), (a) => ({ minPriceCents: Math.round(a * 0.8), maxPriceCents: Math.round(a * 1.2) }), true],
];

function priceRange(input: string, out: Extracted): string {
  const held = moneyPlaceholders(input);
  const cents = held.cents;
  let text = held.text;
  for (const [re, apply, band] of PRICE_PATTERNS) {
    if (band && (out.minPriceCents !== undefined || out.maxPriceCents !== undefined)) break;
    const m = re.exec(text);
    if (!m) continue;
    const got = apply(cents[Number(m[1])]!, m[2] !== undefined ? cents[Number(m[2])] : undefined);
    // An upper and a lower bound may come from two phrases ("over $200 but under $400"); a band only stands alone.
    if (got.minPriceCents !== undefined && out.minPriceCents === undefined) out.minPriceCents = got.minPriceCents;
    if (got.maxPriceCents !== undefined && out.maxPriceCents === undefined) out.maxPriceCents = got.maxPriceCents;
    text = blank(text, m);
    if (out.minPriceCents !== undefined && out.maxPriceCents !== undefined) break;
  }
  return text.replace(/§\d+/g, ' ');
}

const FLAGS: Array<[RegExp, Partial<Record<BooleanKey, boolean>>]> = [
  [/\b(?:without|no|not?)\s+(?:active\s+)?(?:noise[\s-]?cancell?(?:ing|ation)|anc)\b/gi, { anc: false }],
  [/\b(?:active\s+)?noise[\s-]?cancell?(?:ing|ation|ed)\b|\banc\b/gi, { anc: true }],
  [/\bwireless(?:ly)?\s+charg(?:ing|er|e)\b|\bqi\b/gi, { wirelessCharging: true }],
  [/\b(?:wireless|bluetooth|cordless|cable[\s-]?free)\b/gi, { wireless: true }],
  [/\bwired\b/gi, { wireless: false }],
  [/\b(?:waterproof|water[\s-]?proof|swim[\s-]?proof|for swimming|underwater)\b/gi, { waterproof: true }],
  [/\b(?:water[\s-]?resistant|splash[\s-]?proof|sweat[\s-]?proof|rain[\s-]?proof)\b/gi, { waterResistant: true }],
  [/\b5g\b/gi, { fiveG: true }],
  [/\bnfc\b/gi, { nfc: true }],
  [/\bhdr(?:10\+?)?\b/gi, { hdr: true }],
  [/\btouch[\s-]?screen\b/gi, { touchscreen: true }],
  [/\b(?:dedicated|discrete)\s+(?:gpu|graphics(?:\s+card)?)\b|\bgraphics card\b/gi, { dedicatedGpu: true }],
];

// "4k"/"2k" after a price word or "$" is money ("under 2k"), so those are left for priceRange.
const NOT_PRICE = String.raw`(?<!\$\s?)(?<!\b(?:${PRICE_WORDS})\s)`;
const RESOLUTION_WORDS: Array<[RegExp, NonNullable<CatalogFilters['resolution']>]> = [
  [new RegExp(String.raw`${NOT_PRICE}\b(?:8k|4320p)\b`, 'gi'), '8k'],
  [new RegExp(String.raw`${NOT_PRICE}\b(?:4k|uhd|ultra hd|2160p)\b`, 'gi'), '4k'],
  [new RegExp(String.raw`${NOT_PRICE}\b(?:1440p|qhd|2k)\b`, 'gi'), '1440p'],
  [/\b(?:1080p|full hd|fhd)\b/gi, '1080p'],
  [/\b(?:720p|hd ready)\b/gi, '720p'],
];

const PANEL_WORDS: Array<[RegExp, NonNullable<CatalogFilters['panel']>[number]]> = [
  [/\bmini[\s-]?led\b/gi, 'mini-led'],
  [/\b(?:oled|amoled)\b/gi, 'oled'],
  [/\bqled\b/gi, 'qled'],
  [/\bips\b/gi, 'ips'],
  [/\be[\s-]?ink\b(?!\s+readers?)/gi, 'e-ink'],
];

const SORTS: Array<[RegExp, NonNullable<CatalogQuery['sort']>]> = [
  [/\b(?:cheapest|least expensive|lowest[\s-]priced?|most affordable|lowest cost|cheaper)\b/gi, 'price_asc'],
  [/\b(?:most expensive|priciest|highest[\s-]priced?|top of the (?:line|range)|most premium)\b/gi, 'price_desc'],
  [/\b(?:best|top|highest)[\s-](?:rated|reviewed)\b|\bbest reviews?\b|\bmost popular\b|\bbest\b/gi, 'rating'],
];

/** Budget, numeric specs, resolution, panel, features and sort order; `rest` keeps everything else. */
export function extractConstraints(text: string): Extracted {
  const out: Extracted = { rest: text, filters: {} };
  let rest = unitConstraints(text, out.filters);
  const take = <T>(table: Array<[RegExp, T]>, use: (v: T) => void) => {
    for (const [re, v] of table) {
      if (rest.search(re) < 0) continue;
      use(v);
      rest = rest.replace(re, ' ');
    }
  };
  take(RESOLUTION_WORDS, (r) => (out.filters.resolution ??= r));
  rest = priceRange(rest, out);
  take(FLAGS, (f) => {
    for (const [k, v] of Object.entries(f) as Array<[BooleanKey, boolean]>) if (out.filters[k] === undefined) out.filters[k] = v;
  });
  const panels = new Set<NonNullable<CatalogFilters['panel']>[number]>();
  take(PANEL_WORDS, (p) => panels.add(p));
  if (panels.size) out.filters.panel = [...panels];
  take(SORTS, (s) => (out.sort ??= s));
  out.rest = rest;
  return out;
}
