import { getProductsBySku, searchProducts, type Product } from '@em/db/queries/catalog';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { answerFromKb, kbOwner, money } from './compose';

const stockLine = (p: Product) =>
  p.stock > 10 ? `in stock (${p.stock} available)` : p.stock > 0 ? `in stock, only ${p.stock} left` : 'currently out of stock';

const describe = (p: Product) => `${p.name} — ${money(p.priceCents)}, ${stockLine(p)}`;

const HOW_TO_BUY = /\b(how (do|can) i (order|buy|pay)|payment|pay with|checkout|paypal|credit card|klarna|financ)/i;
const FOLLOW_UP = /\b(it|its|it's|that one|this one|them|both|those|that|this)\b/i;
const PROMO_WORDS = /\b(promo(tion)?s?|discounts?|deals?|coupons?|vouchers?|offers?|sales?)\b/i;
const OTHER = /\b(the other|other one|another one|the second|the first one)\b/i;

/** Which earlier products a follow-up ("how much is it?", "and the other one?") refers to. */
function followUpSkus(text: string, memory: SpecialistContext['memory']): string[] {
  if (OTHER.test(text)) {
    const rest = memory.lastProductSkus.filter((s) => s !== memory.focusSku);
    if (memory.lastProductSkus.length > 1 && rest.length) return rest.slice(0, 1);
    return memory.previousFocusSku ? [memory.previousFocusSku] : [];
  }
  if (FOLLOW_UP.test(text)) return memory.focusSku ? [memory.focusSku] : memory.lastProductSkus;
  return [];
}

export async function salesAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  // P1 analyse: an order number means logistics, a promo code means marketing.
  if (entities.orderNumbers.length && !entities.productSkus.length) return { draft: '', handoffTo: 'logistics', handoffReason: 'order question' };
  if (entities.promoCodes.length && !entities.productSkus.length) return { draft: '', handoffTo: 'marketing', handoffReason: 'promo code' };
  if (PROMO_WORDS.test(input.text) && !entities.productSkus.length && !entities.category) return { draft: '', handoffTo: 'marketing', handoffReason: 'promotions question' };
  if (HOW_TO_BUY.test(input.text) && !entities.productSkus.length) {
    const kb = answerFromKb(deps.kb, input.text);
    if (kb) return { draft: kb.text, sources: kb.sources };
  }
  // Tools: named products first, then a follow-up on the last ones, then a catalog search.
  let skus = entities.productSkus;
  const filtered = entities.category || entities.minPriceCents !== undefined || entities.maxPriceCents !== undefined;
  if (!skus.length && !filtered) skus = followUpSkus(input.text, memory);
  let found: Product[] = skus.length ? await getProductsBySku(deps.db, skus.slice(0, 3)) : [];
  found.sort((a, b) => skus.indexOf(a.sku) - skus.indexOf(b.sku));
  let intro = '';
  if (!found.length) {
    found = await searchProducts(deps.db, {
      category: entities.category,
      minPriceCents: entities.minPriceCents,
      maxPriceCents: entities.maxPriceCents,
      limit: 3,
    });
    if (!entities.category && entities.minPriceCents === undefined && entities.maxPriceCents === undefined) found = [];
    intro = found.length ? 'Here are some good matches from our catalog:' : '';
  }
  if (!found.length) {
    // Not a product question after all ("do you price match?"): the article's owner answers it.
    const kb = answerFromKb(deps.kb, input.text);
    const owner = kbOwner(kb);
    if (owner && owner !== 'sales') return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
    if (kb && owner === 'sales') return { draft: kb.text, sources: kb.sources };
    return {
      draft: 'I could not find a product matching that. Could you tell me the product name, the category (laptops, phones, TVs, audio, cameras, smart home…) or your budget?',
      failed: true,
    };
  }
  const sources = found.map((p) => `product:${p.sku}`);
  const single = found.length === 1 || entities.productSkus.length === 1;
  const focus = single ? found[0]!.sku : undefined;
  const memoryUpdate = {
    lastProductSkus: found.map((p) => p.sku),
    ...(focus && focus !== memory.focusSku ? { focusSku: focus, previousFocusSku: memory.focusSku } : {}),
  };
  // P2 respond from the rows.
  if (single) {
    const p = found[0]!;
    const specs = Object.entries(p.specs).slice(0, 4).map(([k, v]) => `${k}: ${v}`).join(', ');
    return {
      draft: `The ${p.name} costs ${money(p.priceCents)} and is ${stockLine(p)}. ${p.description.split(/(?<=\.)\s/)[0] ?? ''} Key specs — ${specs}.`,
      sources,
      memory: memoryUpdate,
    };
  }
  return { draft: `${intro || 'Here is how they compare:'}\n${found.map((p) => `• ${describe(p)}`).join('\n')}`, sources, memory: memoryUpdate };
}
