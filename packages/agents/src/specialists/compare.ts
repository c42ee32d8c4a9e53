import type { ProductWithAttrs } from '../tools/catalog';
import { money } from './compose';

type P = ProductWithAttrs;
interface Aspect {
  /** What the customer asks about ("better for gaming", "longer battery"). */
  asks: RegExp;
  label: string;
  /** Higher is better. Undefined when the product has no figure for it. */
  score(p: P): number | undefined;
  show(p: P): string | undefined;
}

const a = (p: P) => p.attrs ?? {};
const mentions = (p: P, re: RegExp) => (re.test(`${p.name} ${p.description} ${Object.values(p.specs).join(' ')}`) ? 1 : 0);

// Each aspect reads the product's typed attributes (extracted from its specs at seed time).
const ASPECTS: Aspect[] = [
  {
    asks: /\bgam(e|es|ing|er)\b/i,
    label: 'gaming',
    score: (p) => (a(p).refreshHz ?? 60) / 60 + (a(p).dedicatedGpu ? 2 : 0) + mentions(p, /\bgam(e|ing)|VRR|input lag\b/i),
    show: (p) => [a(p).refreshHz ? `${a(p).refreshHz} Hz` : '', a(p).dedicatedGpu ? 'dedicated graphics' : '', /VRR/.test(JSON.stringify(p.specs)) ? 'VRR' : ''].filter(Boolean).join(', ') || undefined,
  },
  // Rated hours when the specs give them; phones give capacity (mAh) instead, which orders phones the same way.
  {
    asks: /\bbattery|last(s)? longer|runtime|charge\b/i,
    label: 'battery life',
    score: (p) => a(p).batteryH ?? (a(p).batteryMah ? a(p).batteryMah! / 1e5 : undefined),
    show: (p) => (a(p).batteryH ? `up to ${a(p).batteryH} hours` : p.specs.battery),
  },
  // The main sensor first; at the same main sensor, more and bigger other rear lenses (ultrawide, telephoto).
  { asks: /\bcamera|photos?|pictures?|zoom|megapixel/i, label: 'the camera', score: (p) => (a(p).cameraMp === undefined ? undefined : a(p).cameraMp! + (a(p).rearCameraMp ?? 0) / 1000), show: (p) => p.specs.camera ?? (a(p).cameraMp ? `${a(p).cameraMp} MP` : undefined) },
  { asks: /\b(bigger|larger|screen size|size)\b/i, label: 'screen size', score: (p) => a(p).screenIn, show: (p) => (a(p).screenIn ? `${a(p).screenIn}"` : undefined) },
  { asks: /\bstorage|space|capacity\b/i, label: 'storage', score: (p) => a(p).storageGb, show: (p) => p.specs.storage },
  { asks: /\b(ram|memory|multitask\w*)\b/i, label: 'memory', score: (p) => a(p).ramGb, show: (p) => p.specs.ram },
  { asks: /\b(light(er|est)?|weigh\w*|portable|carry)\b/i, label: 'weight', score: (p) => (a(p).weightKg ? -a(p).weightKg! : undefined), show: (p) => p.specs.weight },
  { asks: /\b(noise|anc|quiet)\b/i, label: 'noise cancelling', score: (p) => (a(p).anc ? 1 : 0), show: (p) => p.specs.noiseCancelling },
  { asks: /\b(cheap\w*|price|value|money|afford\w*)\b/i, label: 'price', score: (p) => -p.priceCents, show: (p) => money(p.priceCents) },
];

/** Whether the question names an aspect products are compared on ("the better camera", "lasts longer"). */
export const asksAspect = (question: string) => ASPECTS.some((x) => x.asks.test(question));

/**
 * "Which of the two is better for gaming?": picks the winner on the asked aspect from the
 * products' own figures; without a recognisable aspect, the better-rated one.
 */
export function compareProducts(products: P[], question: string): { text: string; winner: P } | undefined {
  if (products.length < 2) return undefined;
  const aspect = ASPECTS.find((x) => x.asks.test(question));
  const scored = products.map((p) => ({ p, s: aspect ? aspect.score(p) : p.rating }));
  if (scored.some((x) => x.s === undefined)) return undefined;
  const sorted = [...scored].sort((x, y) => y.s! - x.s! || y.p.rating - x.p.rating);
  const winner = sorted[0]!.p;
  const level = sorted.filter((x) => x.s === sorted[0]!.s).map((x) => x.p);
  const figures = products.map((p) => `the ${p.name} (${money(p.priceCents)}${aspect?.show(p) ? `, ${aspect.show(p)}` : `, rated ${p.rating}/5`})`).join(' vs ');
  // Two of three level at the top is not "they are level": say who leads and who is behind.
  const verdict =
    level.length === products.length
      ? `They are level on ${aspect?.label ?? 'ratings'}`
      : level.length > 1
        ? `On ${aspect?.label ?? 'ratings'}, the ${level.map((p) => p.name).join(' and the ')} are level and ahead`
        : `For ${aspect?.label ?? 'overall quality'}, the ${winner.name} is the better pick`;
  // No aspect named ("what's the difference between…", "X or Y?"): the specs where they differ, side by side.
  const table = aspect ? '' : differencesBlock(products);
  return { text: `${verdict}: ${figures}.${table}${winner.stock > 0 ? '' : `\nNote that the ${winner.name} is currently out of stock.`}`, winner };
}

/** The spec lines every one of the products states and not all alike, in the first product's order (at most five). */
export function specDifferences(products: P[], max = 5): string[] {
  const [first, ...rest] = products;
  if (!first) return [];
  return Object.keys(first.specs)
    .filter((k) => rest.every((p) => p.specs[k] !== undefined) && new Set(products.map((p) => p.specs[k])).size > 1)
    .slice(0, max)
    .map((k) => `• ${k}: ${products.map((p) => `${p.name} ${p.specs[k]}`).join('; ')}`);
}

/** The differences as a block to append to a reply ("\nWhere they differ:\n• …"), or '' when none. */
export function differencesBlock(products: P[]): string {
  const lines = specDifferences(products);
  return lines.length ? `\nWhere they differ:\n${lines.join('\n')}` : '';
}
