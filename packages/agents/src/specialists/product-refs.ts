import type { Product } from '@em/db/queries/catalog';
import type { Memory } from '../graph/types';

export type Wanted = 'cheapest' | 'priciest' | 'best' | 'largest' | 'smallest';

/** A superlative the customer wants picked among products ("which is cheaper?", "the best one"). */
export function wantedPick(text: string): Wanted | undefined {
  if (/\b(cheap(est|er)|least expensive|lowest price|less expensive|most affordable)\b/i.test(text)) return 'cheapest';
  if (/\b(most expensive|priciest|pricier|more expensive)\b/i.test(text)) return 'priciest';
  if (/\b(biggest|largest|bigger|larger)\b/i.test(text)) return 'largest';
  if (/\b(smallest|smaller|most compact)\b/i.test(text)) return 'smallest';
  if (/\b(best|better|top[- ]rated|highest[- ]rated|which (one )?(do|would|should) you recommend)\b/i.test(text)) return 'best';
  return undefined;
}

export function pickAmong(products: Product[], want: Wanted): Product | undefined {
  const size = (p: Product) => (p as Product & { attrs?: { screenIn?: number } }).attrs?.screenIn ?? 0;
  const score = (p: Product) =>
    want === 'cheapest' ? -p.priceCents : want === 'priciest' ? p.priceCents : want === 'largest' ? size(p) : want === 'smallest' ? -size(p) : p.rating;
  // Something the customer can buy now beats an out-of-stock one.
  return [...products].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0) || score(b) - score(a))[0];
}

const WHICH = /\b(which (one|is|of (them|these|those))|which\b.*\b(has|have|is)\b)/i;
/** "Which one…", "which of them…", "of the two": the products just shown even when an aspect word ("camera") could start a search. */
export const WHICH_OF_SHOWN = /\bwhich (?:one|of (?:them|these|those|the two|both))\b|\b(?:of|between) the two\b/i;
const ORDINALS: Record<string, number> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2 };
const ORDINAL = /\b(first|1st|second|2nd|third|3rd|last)\b(?:\s+(one|item|product))?/i;
const OTHER = /\b(the other|other one|another one)\b/i;
const PRONOUN = /\b(it|its|it's|that one|this one|them|both|those|that|this)\b/i;

/**
 * True when the message points back at products of an earlier turn rather than asking for new ones.
 * With a category named, a bare pronoun is not enough ("a phone that has a good camera").
 */
export const pointsBack = (text: string, namesCategory: boolean) =>
  WHICH.test(text) || ORDINAL.test(text) || OTHER.test(text) || (!namesCategory && PRONOUN.test(text));

/**
 * The products just shown: the last list, or, shown one at a time ("the soundhalo?" … "and the
 * workpro?"), the last two in focus.
 */
export function shownSkus(memory: Memory): string[] {
  if (memory.lastProductSkus.length > 1) return memory.lastProductSkus;
  return memory.focusSku && memory.previousFocusSku ? [memory.previousFocusSku, memory.focusSku] : memory.lastProductSkus;
}

/** Which earlier products a follow-up refers to: "the second one", "the other one", "which is…", "it". */
export function referredSkus(text: string, memory: Memory): string[] {
  const last = memory.lastProductSkus;
  const shown = shownSkus(memory);
  if (WHICH.test(text) && shown.length > 1) return shown;
  const ord = ORDINAL.exec(text)?.[1]?.toLowerCase();
  if (ord && last.length > 1) {
    const i = ord === 'last' ? last.length - 1 : ORDINALS[ord];
    if (i !== undefined && last[i]) return [last[i]];
  }
  if (OTHER.test(text)) {
    const rest = last.filter((s) => s !== memory.focusSku);
    if (last.length > 1 && rest.length) return rest.slice(0, 1);
    return memory.previousFocusSku ? [memory.previousFocusSku] : [];
  }
  if (PRONOUN.test(text)) return memory.focusSku ? [memory.focusSku] : last;
  return [];
}
