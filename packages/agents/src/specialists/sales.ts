import { getProductsBySku, searchProducts, type Product } from '@em/db/queries/catalog';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { answerFromKb, kbOwner, money } from './compose';
import { pickAmong, pointsBack, referredSkus, wantedPick } from './product-refs';

const stockLine = (p: Product) =>
  p.stock > 10 ? `in stock (${p.stock} available)` : p.stock > 0 ? `in stock, only ${p.stock} left` : 'currently out of stock';

const describe = (p: Product) => `${p.name} — ${money(p.priceCents)}, ${stockLine(p)}`;

const HOW_TO_BUY = /\b(how (do|can) i (order|buy|pay)|payment|pay with|checkout|paypal|credit card|klarna|financ)/i;
const PROMO_WORDS = /\b(promo(tion)?s?|discounts?|deals?|coupons?|vouchers?|offers?|sales?)\b/i;
const PICK_INTRO = { cheapest: 'The most affordable option is', priciest: 'The most premium option is', best: 'The best-rated option is' } as const;

function describeOne(p: Product, intro?: string): string {
  const specs = Object.entries(p.specs).slice(0, 4).map(([k, v]) => `${k}: ${v}`).join(', ');
  const lead = intro ? `${intro} the ${p.name}: it costs` : `The ${p.name} costs`;
  return `${lead} ${money(p.priceCents)} and is ${stockLine(p)}. ${p.description.split(/(?<=\.)\s/)[0] ?? ''} Key specs — ${specs}.`;
}

export async function salesAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  const text = input.text;
  // P1 analyse: an order number means logistics, a promo code means marketing.
  if (entities.orderNumbers.length && !entities.productSkus.length) return { draft: '', handoffTo: 'logistics', handoffReason: 'order question' };
  if (entities.promoCodes.length && !entities.productSkus.length) return { draft: '', handoffTo: 'marketing', handoffReason: 'promo code' };
  if (PROMO_WORDS.test(text) && !entities.productSkus.length && !entities.category) return { draft: '', handoffTo: 'marketing', handoffReason: 'promotions question' };
  if (HOW_TO_BUY.test(text) && !entities.productSkus.length) {
    const kb = answerFromKb(deps.kb, text);
    if (kb) return { draft: kb.text, sources: kb.sources };
  }
  const want = wantedPick(text);
  const priced = entities.minPriceCents !== undefined || entities.maxPriceCents !== undefined;
  // Tools: named products first, then products of earlier turns the message points back at, then a search.
  let skus = entities.productSkus;
  if (!skus.length && !priced && pointsBack(text, !!entities.category)) skus = referredSkus(text, memory);
  let found: Product[] = skus.length ? await getProductsBySku(deps.db, skus.slice(0, 5)) : [];
  found.sort((a, b) => skus.indexOf(a.sku) - skus.indexOf(b.sku));
  let intro = '';
  if (!found.length) {
    // "and the cheapest one?" keeps the category of the conversation.
    const category = entities.category ?? (want || priced ? memory.lastCategory : undefined);
    if (category || priced) {
      found = await searchProducts(deps.db, { category, minPriceCents: entities.minPriceCents, maxPriceCents: entities.maxPriceCents, limit: 50 });
      found.sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0));
      if (!want) found = found.slice(0, 3);
      intro = 'Here are some good matches from our catalog:';
    }
  }
  if (!found.length) {
    // Not a product question after all ("do you price match?"): the article's owner answers it.
    const kb = answerFromKb(deps.kb, text);
    const owner = kbOwner(kb);
    if (owner && owner !== 'sales') return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
    if (kb && owner === 'sales') return { draft: kb.text, sources: kb.sources };
    return {
      draft: 'I could not find a product matching that. Could you tell me the product name, the category (laptops, phones, TVs, audio, cameras, smart home…) or your budget?',
      failed: true,
    };
  }
  const picked = want && found.length > 1 ? pickAmong(found, want) : undefined;
  const shown = picked ? [picked] : found.slice(0, 3);
  const single = shown.length === 1 || entities.productSkus.length === 1;
  const focus = single ? shown[0]!.sku : undefined;
  const categories = new Set(shown.map((p) => p.category));
  const memoryUpdate = {
    // After a pick, "the other one" still means the rest of the list the customer was choosing from.
    lastProductSkus: (picked ? found.slice(0, 5) : shown).map((p) => p.sku),
    ...(categories.size === 1 ? { lastCategory: shown[0]!.category } : {}),
    ...(focus && focus !== memory.focusSku ? { focusSku: focus, previousFocusSku: memory.focusSku } : {}),
  };
  const sources = shown.map((p) => `product:${p.sku}`);
  // P2 respond from the rows.
  if (single) return { draft: describeOne(shown[0]!, picked && want ? PICK_INTRO[want] : undefined), sources, memory: memoryUpdate };
  return { draft: `${intro || 'Here is how they compare:'}\n${shown.map((p) => `• ${describe(p)}`).join('\n')}`, sources, memory: memoryUpdate };
}
