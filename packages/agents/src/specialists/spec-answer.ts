import { money } from './compose';
import type { ProductWithAttrs } from '../tools/catalog';

type P = Pick<ProductWithAttrs, 'name' | 'priceCents' | 'stock' | 'specs'>;
export const stockLine = (p: Pick<P, 'stock'>) => (p.stock > 10 ? `in stock (${p.stock} available)` : p.stock > 0 ? `in stock, only ${p.stock} left` : 'currently out of stock');

// Spec names a question asks about ("how much RAM", "battery life") → the spec keys that answer it,
// and what to call the spec when the product's details do not state it.
export const SPEC_ASKED: Array<[RegExp, string[], string]> = [
  [/\b(ram|memory)\b/i, ['ram'], 'memory (RAM)'],
  [/\bstorage|space|gb\b/i, ['storage', 'capacity'], 'storage'],
  [/\bbattery|last|charge\b/i, ['battery', 'flightTime', 'charging', 'recharge'], 'battery life'],
  [/\bscreen|display|inch|size\b/i, ['screen', 'display', 'size', 'sizes'], 'screen'],
  [/\bcamera|megapixel|photo\b/i, ['camera', 'sensor'], 'camera'],
  [/\bweigh\w*|heavy|light\b/i, ['weight'], 'weight'],
  [/\bprocessor|cpu|chip\b/i, ['cpu'], 'processor'],
  [/\bports?|hdmi|usb\b/i, ['ports', 'inputs', 'connector'], 'ports'],
  [/\bwater\w*|rain\w*|wet|splash\w*|swim\w*|shower\w*|ip\d/i, ['water', 'durability'], 'water resistance'],
  [/\bnoise|anc\b/i, ['noiseCancelling'], 'noise cancelling'],
  [/\bfly|flight|air\b/i, ['flightTime', 'range'], 'flight time'],
  [/\bhdr|bright\w*\b/i, ['hdr', 'brightness'], 'HDR and brightness'],
  [/\bcolou?rs?\b|\bin (black|white|blue|red|green|silver|gold|pink|grey|gray|purple)\b/i, ['colors', 'color'], 'colour options'],
  [/\bbluetooth|wi-?fi|wireless|connect\w*|[345]g\b|\blte\b|\bnfc\b|cellular/i, ['connectivity'], 'connectivity'],
];
export const specsAsked = (question: string) => SPEC_ASKED.filter(([re]) => re.test(question));

// Connectivity features a question names, as the catalog writes them.
const FEATURES: Array<[RegExp, string]> = [
  [/\b5g\b/i, '5G'],
  [/\b(4g|lte)\b/i, '4G'],
  [/\bnfc\b/i, 'NFC'],
  [/\be-?sim\b/i, 'eSIM'],
  [/\bwi-?fi ?7\b/i, 'Wi-Fi 7'],
  [/\bwi-?fi ?6e?\b/i, 'Wi-Fi 6'],
];
const featuresAsked = (question: string) => FEATURES.filter(([re]) => re.test(question)).map(([, name]) => name);
const normalFeature = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Spec keys whose own words the question uses ("frequency response", "flight time"). */
export const keyWords = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ').filter((w) => w.length >= 4);

/**
 * A question about one spec of one product ("is it waterproof?", "how long does the battery last?")
 * answered with that spec, or honestly: what the product's details do not state is not guessed
 * (the old reply repeated the description, or answered with another product that has the spec).
 */
export function answerSpec(p: P, question: string): string | undefined {
  const groups = specsAsked(question);
  if (!groups.length || /\b(compare|better|versus|vs\.?|difference|price|cost|how much is|in stock)\b/i.test(question)) return undefined;
  const label = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const present = [...new Set(groups.flatMap(([, ks]) => ks.filter((k) => k in p.specs)))];
  const missing = groups.filter(([, ks]) => !ks.some((k) => k in p.specs)).map(([, , name]) => name);
  const parts: string[] = [];
  if (present.length) parts.push(`The ${p.name} — ${present.slice(0, 3).map((k) => `${label(k)}: ${p.specs[k]}`).join('; ')}.`);
  // "Does it have NFC?": a feature the listed connectivity does not name is said to be absent from it.
  const unlisted = p.specs.connectivity ? featuresAsked(question).filter((f) => !normalFeature(p.specs.connectivity!).includes(normalFeature(f))) : [];
  if (unlisted.length) parts.push(`${unlisted.join(' and ')} ${unlisted.length > 1 ? 'are' : 'is'} not among them.`);
  if (missing.length) {
    parts.push(`${present.length ? 'Its' : `The ${p.name}'s`} product details don't state its ${missing.join(' or ')}, so I can't confirm that.`);
    if (!present.length) parts.push(`What they do list — ${Object.keys(p.specs).slice(0, 3).map((k) => `${label(k)}: ${p.specs[k]}`).join(', ')}.`);
    parts.push('A member of our team can check the rest for you if you like.');
  } else parts.push(`It costs ${money(p.priceCents)} and is ${stockLine(p)}.`);
  return parts.join(' ');
}

const ASKS_STOCK = /\b(in stock|stock|availab\w*|sold out|still (have|got|sell)|any left)\b/i;
const ASKS_PRICE = /\b(how much|price|cost)\b/i;
const ASKS_MORE = /\b(specs?|features?|compare|better|versus|vs\.?|difference|tell me|describe|details?|about it|good|worth|review\w*|ship\w*|deliver\w*)\b/i;

// "price match", "pricing policy": a policy question that only contains the word.
const POLICY_WORDS = /\b(match\w*|polic\w*|guarantee\w*|return\w*|refund\w*|warrant\w*|adjust\w*)\b/i;

/** "and the price?", "still in stock?": a short stock or price question that names nothing else. */
export const asksOnlyStockOrPrice = (question: string) =>
  (ASKS_STOCK.test(question) || ASKS_PRICE.test(question)) && !ASKS_MORE.test(question) && !POLICY_WORDS.test(question) && !specsAsked(question).length;

/**
 * "is it in stock?", "how much is it?" about the product just discussed: the fact asked, from its
 * row, rather than the whole description again. Anything more in the question gets the full answer.
 */
export function answerStockOrPrice(p: P, question: string): string | undefined {
  const q = question.toLowerCase();
  // A spec the product lists by its own name ("…and the range?") asks for more too.
  if (!asksOnlyStockOrPrice(question) || Object.keys(p.specs).some((k) => keyWords(k).some((w) => q.includes(w)))) return undefined;
  if (!ASKS_PRICE.test(question)) return p.stock > 0 ? `Yes — the ${p.name} is ${stockLine(p)}, at ${money(p.priceCents)}.` : `Sorry — the ${p.name} is currently out of stock (it costs ${money(p.priceCents)}).`;
  return `The ${p.name} costs ${money(p.priceCents)} and is ${stockLine(p)}.`;
}
