import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { parseProductQuery, type CatalogTerms } from '../nlu/product-query';
import type { CatalogHit, CatalogQuery } from '@em/db/queries/catalog-search';
import { catalogSearch, productDetails, type ProductWithAttrs } from '../tools/catalog';
import { answerFromKb, kbAnswerOrHandoff, kbOwner, money, withTopic } from './compose';
import { asksAspect, compareProducts, differencesBlock } from './compare';
import { pickAmong, pointsBack, referredSkus, shownSkus, wantedPick, WHICH_OF_SHOWN } from './product-refs';
import { toolScope } from './scope';
import { answerSpec, answerStockOrPrice, asksOnlyStockOrPrice, keyWords, specsAsked, stockLine } from './spec-answer';

type P = ProductWithAttrs;
const describe = (p: P) => `${p.name} — ${money(p.priceCents)}, ${stockLine(p)}`;

const HOW_TO_BUY = /\b(how (do|can) i (order|buy|pay)|payment|pay with|checkout|paypal|credit card|klarna|financ|installments?|charge (my|the|your) (card|account)|(card|account) (be )?charged|when (do|will) you (charge|take))/i;
const PROMO_WORDS = /\b(promo(tion)?s?|discounts?|deals?|coupons?|vouchers?|offers?|sales?)\b/i;
const COMPARE = /\b(better|compare|comparison|versus|vs\.?|difference|which (one|of (the|them|these|those))|or the)\b/i;
const SELLS = /\b(do you (sell|carry|stock|have)|sell any|have any|got any|in stock|available)\b/i;
const AVAILABILITY = /\b(sell|selling|carry|stock|have|got|offer|find|looking for|need|want|buy|any)\b/i;
const BUDGET = /\b(budget|cheap|affordable|inexpensive|low[- ]cost|entry[- ]level|value for money)\b/i;
const PAST_PURCHASE = /\bi(?: just| recently|'ve| have)? (?:bought|ordered|purchased|got|received)\b/i;
const SHOPPING = /\b(recommend|suggest|looking for|need|want|which|what (?:\w+ )?(?:should|would|goes|works)|do you (?:sell|have|carry)|any)\b/i;
const PICK_INTRO = { cheapest: 'The most affordable option is', priciest: 'The most premium option is', best: 'The best-rated option is', largest: 'The largest one we sell is', smallest: 'The most compact one is' } as const;


function describeOne(p: P, intro?: string, question = ''): string {
  // The specs the question asks about first, then the product's leading specs.
  const q = question.toLowerCase();
  const asked = [...specsAsked(question).flatMap(([, keys]) => keys), ...Object.keys(p.specs).filter((k) => keyWords(k).some((w) => q.includes(w)))];
  const keys = [...Object.keys(p.specs).filter((k) => asked.includes(k)), ...Object.keys(p.specs).filter((k) => !asked.includes(k))];
  const specs = keys.slice(0, 4).map((k) => `${k}: ${p.specs[k]}`).join(', ');
  const lead = intro ? `${intro} the ${p.name}: it costs` : `The ${p.name} costs`;
  return `${lead} ${money(p.priceCents)} and is ${stockLine(p)}. ${p.description.split(/(?<=\.)\s/)[0] ?? ''} Key specs — ${specs}.`;
}

/** The products a message is about: named, pointed back at ("the second one"), or searched for. */
async function findProducts(
  ctx: SpecialistContext,
): Promise<{ found: P[]; searched: boolean; category?: string; kinds?: string[]; price?: { min?: number; max?: number }; relaxed?: string; constrained?: boolean }> {
  const { deps, input, entities, memory } = ctx;
  const scope = toolScope(ctx);
  const text = input.text;
  const want = wantedPick(text);
  const terms = await deps.catalogTerms!();
  const q = parseProductQuery(text, terms);
  const constrained = !!(q.category || q.kinds?.length || q.filters || q.minPriceCents !== undefined || q.maxPriceCents !== undefined);
  let skus = entities.productSkus;
  // "Which one has the better camera?" after two phones: "camera" is what to compare them on, not a
  // search for cameras (nor "charge" one for chargers), unless the message asks about the shop's own range.
  const aspectOfShown = asksAspect(text) && !q.filters && q.minPriceCents === undefined && q.maxPriceCents === undefined && !/\byou(?:r| sell| have| carry)\b/i.test(text);
  const shown = shownSkus(memory);
  if (!skus.length && shown.length > 1 && WHICH_OF_SHOWN.test(text) && (!constrained || aspectOfShown)) skus = shown;
  if (!skus.length && !constrained && pointsBack(text, !!q.category)) skus = referredSkus(text, memory);
  // "What's the difference between it and the WorkPro 16?", "is the K9 Pro better?": a comparison
  // naming one product is against the product in focus.
  if (skus.length === 1 && COMPARE.test(text) && memory.focusSku && memory.focusSku !== skus[0]) skus = [memory.focusSku, skus[0]!];
  // "is it waterproof?", "how long does the battery last?" right after one product: that product's
  // spec, even when the spec word also parses as a search filter.
  // A short "and the price?", "still in stock?" means that product too.
  const bareSpec = !q.category && !q.kinds?.length && q.minPriceCents === undefined && q.maxPriceCents === undefined && !want;
  const asksAboutIt = specsAsked(text).length > 0 || (asksOnlyStockOrPrice(text) && text.split(/\s+/).length <= 6);
  if (!skus.length && memory.focusSku && bareSpec && asksAboutIt && !/\b(any|another|other|ones?|which|something|anything)\b/i.test(text)) skus = [memory.focusSku];
  // "Which of the two is better for gaming?": the products just shown, compared on the asked aspect
  // (the aspect word may parse as a category: "gaming").
  // "The cheapest one" after a search sample means the cheapest of that search, not of the three shown.
  const amongShown = COMPARE.test(text) || (want && !constrained && !(memory.lastListKind === 'search' && (memory.lastCategory || memory.lastKinds?.length)));
  if (!skus.length && !q.kinds?.length && amongShown && memory.lastProductSkus.length > 1) {
    skus = /\b(two|both)\b/i.test(text) ? memory.lastProductSkus.slice(0, 2) : memory.lastProductSkus;
  }
  if (skus.length) return { found: await productDetails.run(deps, scope, { skus: skus.slice(0, 5) }), searched: false };
  // "and the cheapest one?", "something waterproof?" keep the category and product types of the
  // conversation, and its budget unless the message gives another.
  if (!q.category && !q.kinds?.length && (want || q.maxPriceCents !== undefined || q.minPriceCents !== undefined || q.filters)) {
    if (memory.lastCategory) q.category = memory.lastCategory;
    if (memory.lastKinds?.length) q.kinds = memory.lastKinds;
    if ((q.category || q.kinds) && q.maxPriceCents === undefined && q.minPriceCents === undefined) {
      if (memory.lastMinPriceCents !== undefined) q.minPriceCents = memory.lastMinPriceCents;
      if (memory.lastMaxPriceCents !== undefined) q.maxPriceCents = memory.lastMaxPriceCents;
    }
  }
  if (!q.category && !q.kinds?.length && !q.filters && !q.text && q.maxPriceCents === undefined && q.minPriceCents === undefined) return { found: [], searched: false };
  // Free words only ("when do you charge my card?"): a clear help-article answer beats a word match in the catalog.
  if (!q.category && !q.kinds?.length && !q.filters && q.maxPriceCents === undefined && !want && !SELLS.test(text) && kbOwner(answerFromKb(deps.kb, text))) return { found: [], searched: false };
  // "A cheap laptop for school" with no price named: the least expensive first, not the catalog's order.
  const unbounded = q.maxPriceCents === undefined && q.minPriceCents === undefined;
  const sort =
    q.sort ??
    (want === 'cheapest' ? 'price_asc' : want === 'priciest' ? 'price_desc' : want === 'best' ? 'rating' : unbounded && BUDGET.test(text) ? 'price_asc' : undefined);
  let hits = narrowToWords(await catalogSearch.run(deps, scope, { ...q, sort: sort ?? 'relevance', limit: 20 }), q, terms);
  let relaxed: string | undefined;
  // Nothing meets every constraint: say so, and show the nearest options (over budget, or within
  // budget without the spec) rather than nothing.
  if (!hits.length && q.maxPriceCents !== undefined && q.minPriceCents !== undefined && (q.filters || q.kinds?.length || q.category)) {
    // A price range ("around $100", "between $500 and $800"): the nearest prices on either side.
    const mid = (q.minPriceCents + q.maxPriceCents) / 2;
    const [below, above] = await Promise.all([
      catalogSearch.run(deps, scope, { ...q, minPriceCents: undefined, maxPriceCents: q.minPriceCents, sort: 'price_desc', limit: 3 }),
      catalogSearch.run(deps, scope, { ...q, minPriceCents: q.maxPriceCents, maxPriceCents: undefined, sort: 'price_asc', limit: 3 }),
    ]);
    hits = [...below, ...above].sort((a, b) => Math.abs(a.priceCents - mid) - Math.abs(b.priceCents - mid)).slice(0, 3);
    if (hits.length) relaxed = `Nothing matches all of that between ${money(q.minPriceCents)} and ${money(q.maxPriceCents)}; the closest in price ${hits.length > 1 ? 'are' : 'is'}:`;
  } else if (!hits.length && q.maxPriceCents !== undefined && (q.filters || q.kinds?.length || q.category)) {
    hits = await catalogSearch.run(deps, scope, { ...q, maxPriceCents: undefined, sort: 'price_asc', limit: 3 });
    if (hits.length) relaxed = `Nothing matches all of that under ${money(q.maxPriceCents)}; the closest ${hits.length > 1 ? 'options are' : 'option is'} just above your budget:`;
  }
  if (!hits.length && q.filters && (q.kinds?.length || q.category)) {
    hits = await catalogSearch.run(deps, scope, { ...q, filters: undefined, sort: 'rating', limit: 3 });
    if (hits.length) relaxed = "We don't have one with exactly those specs; the closest we sell:";
  }
  // Something the customer can buy now comes first.
  const found = [...hits].sort((a, b) => Number(b.stock > 0) - Number(a.stock > 0));
  return { found, searched: true, ...(relaxed ? { relaxed } : {}), ...(q.category ? { category: q.category } : {}), ...(q.kinds?.length ? { kinds: q.kinds } : {}), price: { min: q.minPriceCents, max: q.maxPriceCents }, constrained };
}

/**
 * A word of the catalog's own vocabulary in front of another type ("gaming laptops": a category word
 * that names a different category) describes the product: the rows that match it far less than the
 * best one are not what was asked for. Other free words ("laptops for travel", "music for
 * listening") only rank, since a chance match on them says little.
 */
function narrowToWords(hits: CatalogHit[], q: CatalogQuery, terms: CatalogTerms): CatalogHit[] {
  if (!q.text || (!q.category && !q.kinds?.length) || !q.text.split(' ').some((w) => terms.has(w))) return hits;
  const best = Math.max(0, ...hits.map((h) => h.score));
  return best >= CLEAR_WORD_MATCH ? hits.filter((h) => h.score >= best / 2) : hits;
}
const CLEAR_WORD_MATCH = 0.1;

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
  // "I bought a TV 10 days ago and it's cheaper elsewhere": about a purchase already made, not a
  // search, when an article answers it and nothing is being shopped for.
  if (PAST_PURCHASE.test(text) && !SHOPPING.test(text) && !entities.productSkus.length) {
    const kb = kbAnswerOrHandoff(deps.kb, text, 'sales');
    if (kb && (kb.handoffTo || kb.sources?.length)) return kb;
  }
  const want = wantedPick(text);
  const { found, searched, category, kinds, price, relaxed, constrained } = await findProducts(ctx);
  if (!found.length) {
    // Not a product question after all ("do you price match?"): the article's owner answers it.
    if (!constrained && (!AVAILABILITY.test(text) || !searched)) {
      // "and klarna?" right after the payment methods is a follow-up on that article, not a product.
      const q = withTopic(deps.kb, text, memory.lastTopic);
      const kb = answerFromKb(deps.kb, q, 1.5, q !== text ? memory.lastTopic : undefined);
      const owner = kbOwner(kb);
      if (owner && owner !== 'sales') return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
      if (kb && owner === 'sales') return { draft: kb.text, sources: kb.sources };
    }
    return {
      draft: searched
        ? "I'm sorry, we don't have anything in our catalog that matches that. We sell laptops, phones, TVs, audio, cameras and drones, smart home, tablets and e-readers, wearables, gaming and accessories — tell me what you need it for and your budget, and I'll suggest something."
        : 'Which product are you looking for? Tell me the product name, the kind of product (laptop, phone, TV, headphones, camera…) or your budget.',
      failed: searched,
    };
  }
  const comparing = COMPARE.test(text) && found.length >= 2 && !searched;
  const compared = comparing ? compareProducts(found.slice(0, 3), text) : undefined;
  // "The best budget phone": the best-rated of the cheapest third (at least two), not the flagship.
  const pool = want === 'best' && BUDGET.test(text) && found.length > 2 ? [...found].sort((x, y) => x.priceCents - y.priceCents).slice(0, Math.max(2, Math.floor(found.length / 3))) : found;
  const picked = !compared && want && found.length > 1 ? pickAmong(pool, want) : undefined;
  const shown = compared ? [compared.winner] : picked ? [picked] : found.slice(0, 3);
  const single = !relaxed && (shown.length === 1 || (entities.productSkus.length === 1 && !searched));
  const focus = single ? shown[0]!.sku : undefined;
  const categories = new Set(found.slice(0, 5).map((p) => p.category));
  const memoryUpdate = {
    // After a pick or a comparison, "the other one" still means the rest of the list.
    lastProductSkus: (picked || compared ? found.slice(0, 5) : shown).map((p) => p.sku),
    lastListKind: searched ? ('search' as const) : ('named' as const),
    ...(category ? { lastCategory: category } : categories.size === 1 ? { lastCategory: found[0]!.category } : {}),
    // A new search replaces the types of the last one (none named: none kept).
    ...(searched ? { lastKinds: kinds, lastMinPriceCents: price?.min, lastMaxPriceCents: price?.max } : {}),
    ...(focus && focus !== memory.focusSku ? { focusSku: focus, previousFocusSku: memory.focusSku } : {}),
  };
  const sources = (compared ? found.slice(0, 3) : shown).map((p) => `product:${p.sku}`);
  if (compared) return { draft: compared.text, sources, memory: memoryUpdate };
  // A follow-up about the product in focus ("is it in stock?"), not one named again: just that fact.
  const brief = single && !picked && !searched && !entities.productSkus.length ? answerStockOrPrice(shown[0]!, text) : undefined;
  if (brief) return { draft: brief, sources, memory: memoryUpdate };
  const spec = single && !picked && !searched ? answerSpec(shown[0]!, text) : undefined;
  if (spec) return { draft: spec, sources, memory: memoryUpdate };
  if (single) return { draft: describeOne(shown[0]!, picked && want ? (pool !== found ? 'The best-rated budget option is' : PICK_INTRO[want]) : undefined, text), sources, memory: memoryUpdate };
  if (relaxed) return { draft: `${relaxed}\n${found.slice(0, 3).map((p) => `• ${describe(p)}`).join('\n')}`, sources, memory: memoryUpdate };
  if (searched) return { draft: `Here are some good matches from our catalog:\n${shown.map((p) => `• ${describe(p)}`).join('\n')}`, sources, memory: memoryUpdate };
  // Products named together ("the Hush Pro or the SoundHalo?"): price and stock, then where their specs differ.
  return { draft: `Here is how they compare:\n${shown.map((p) => `• ${describe(p)}`).join('\n')}${differencesBlock(shown)}`, sources, memory: memoryUpdate };
}
