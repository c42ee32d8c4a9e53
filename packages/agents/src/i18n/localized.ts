// The offline path for German, Spanish and French conversations: the intent model (intents.ts)
// plus the same entity extraction and typed tools as English, answered from translated templates
// (texts.ts) and translated KB facts (kb-facts.ts). Scope and proofs work exactly as in English:
// tools get the session's scope, never anything read from the text.
import { activePromotions } from '@em/db/queries/promotions';
import type { Route } from '@em/contracts/schemas';
import { extractEntities, type Entities } from '../nlu/entities';
import { orderGet, orderProve, ordersList, type OrderDetails } from '../tools/orders';
import { promoCheck } from '../tools/promotions';
import { catalogSearch, productDetails } from '../tools/catalog';
import { foreignCatalogQuery } from './catalog-words';
import { toolScope } from '../specialists/scope';
import { MAX_PROOF_ATTEMPTS } from '../specialists/logistics';
import type { GraphDeps, Memory, Specialist, SpecialistResult, TurnInput } from '../graph/types';
import { concepts, fold } from './concepts';
import { formatDate, formatMoney } from './format';
import { INTENT_DOMAIN, INTENT_PASSAGES, type Intent, type IntentModel } from './intents';
import type { LocalizedResources } from './resources';
import { TEXTS, YES, type Foreign, type Texts } from './texts';

export type { LocalizedResources } from './resources';

export interface LocalizedAnswer extends SpecialistResult {
  route: Route;
  agent: Specialist;
  entities: Entities;
  askedForPerson?: boolean;
}

const POLICY: ReadonlySet<Intent> = new Set(['returns', 'refunds', 'warranty', 'shipping_standard', 'shipping_express', 'shipping_options', 'price_match', 'payment', 'contact', 'hours']);
/** Below this the model's best guess is not an answer: say so honestly and offer a person. */
const MIN_CONFIDENCE = 0.3;
/** Concepts that name a topic; a message with none of them ("and how long?") continues the last one. */
const TOPICS = new Set(['return', 'refund', 'warranty', 'ship', 'express', 'standard', 'cheaper', 'pay', 'contact', 'hours', 'order', 'track', 'promo', 'stock', 'person', 'product'].map((c) => `c:${c}`));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message with the named products folded to `{product}`, as the model was trained. */
export function withProductSlot(text: string, skus: string[], catalog: GraphDeps['catalog']): string {
  const words = catalog
    .filter((p) => skus.includes(p.sku))
    .flatMap((p) => `${p.brand} ${p.name}`.split(/\s+/))
    .filter((w) => w.length > 1);
  if (!words.length) return text;
  const marked = text.replace(new RegExp(`(?<![\\w-])(${[...new Set(words)].map(escapeRe).join('|')})(?![\\w-])`, 'gi'), '\u2063');
  // U+2063 (invisible separator) marks name words, then a run of them becomes one slot.
  return marked.replace(/\u2063(?:[\s-]*\u2063)*/g, ' {product} ').replace(/\s+/g, ' ').trim();
}

/** Which intent answers this message, with the identifiers in it taking precedence as in English. */
export function chooseIntent(model: IntentModel, text: string, e: Entities, memory: Memory, input: TurnInput, catalog: GraphDeps['catalog']): { intent: Intent; confidence: number } {
  const s = model.classify(withProductSlot(text, e.productSkus, catalog));
  const sure = (i: Intent) => s.intent === i && s.confidence >= 0.5;
  if (s.intent === 'human' && s.confidence >= MIN_CONFIDENCE) return s;
  if (e.orderNumbers.length && !(POLICY.has(s.intent) && s.confidence >= 0.5 && s.intent !== 'shipping_standard')) return { intent: 'order_status', confidence: s.confidence };
  // A guest answering "which email?" for the order just discussed.
  if (e.emails.length && memory.lastOrderNumber && !input.verifiedCustomerId) return { intent: 'order_status', confidence: s.confidence };
  if (e.promoCodes.length && !sure('returns')) return { intent: 'promo', confidence: s.confidence };
  if (e.productSkus.length && !POLICY.has(s.intent)) {
    const stock = (s.probs.get('product_stock') ?? 0) > (s.probs.get('product_price') ?? 0);
    return { intent: stock ? 'product_stock' : 'product_price', confidence: s.confidence };
  }
  // "Und wie lange dauert das?", "¿y cuánto cuesta?": no topic of its own → the last policy topic.
  const previous = memory.lastTopic ? (Object.keys(INTENT_PASSAGES) as Intent[]).find((i) => INTENT_PASSAGES[i]![0] === memory.lastTopic) : undefined;
  if (previous && (POLICY.has(s.intent) || s.confidence < 0.5) && !concepts(fold(text)).some((c) => TOPICS.has(c))) return { intent: previous, confidence: s.confidence };
  if (s.confidence < MIN_CONFIDENCE) return { intent: 'other', confidence: s.confidence };
  return s;
}

function describeOrder(t: Texts, o: OrderDetails, lang: Foreign): string {
  const items = o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ');
  const status = t.status[o.status as keyof Texts['status']] ?? o.status;
  const parts = [t.order({ number: o.orderNumber, status, items, total: formatMoney(o.totalCents, lang) })];
  if (o.status === 'shipped' && o.trackingNumber) parts.push(t.tracking(o.carrier ?? 'UPS', o.trackingNumber));
  if (o.status === 'delivered' && o.deliveredAt) parts.push(t.deliveredOn(formatDate(o.deliveredAt, lang)));
  else if (o.expectedDelivery) parts.push(t.expected(formatDate(o.expectedDelivery, lang)));
  if (o.status === 'processing') parts.push(t.notShippedYet);
  return parts.join(' ');
}

async function orderAnswer(deps: GraphDeps, input: TurnInput, memory: Memory, e: Entities, lang: Foreign): Promise<SpecialistResult> {
  const t = TEXTS[lang];
  const scope = toolScope({ input, memory });
  const orderNumber = e.orderNumbers[0] ?? memory.lastOrderNumber;
  if (!orderNumber) {
    if (!scope.customerId) return { draft: t.askOrderAndEmail };
    const rows = (await ordersList.run(deps, scope, {})).slice(0, 5);
    if (!rows.length) return { draft: t.noOrders };
    const line = (o: (typeof rows)[number]) =>
      `• ${o.orderNumber}: ${t.status[o.status as keyof Texts['status']] ?? o.status}${o.status === 'shipped' && o.trackingNumber ? `, ${o.trackingNumber}` : ''}`;
    return { draft: t.orderList(rows.map(line)), sources: rows.map((o) => `order:${o.orderNumber}`), memory: rows.length === 1 ? { lastOrderNumber: rows[0]!.orderNumber } : {} };
  }
  const memoryUpdate: Partial<Memory> = orderNumber === memory.lastOrderNumber ? { lastOrderNumber: orderNumber } : { lastOrderNumber: orderNumber, previousOrderNumber: memory.lastOrderNumber };
  if (!scope.customerId && !scope.provenOrders.includes(orderNumber)) {
    const email = e.emails[0];
    if (!email) return { draft: t.askEmail(orderNumber), memory: memoryUpdate };
    const attempts = memory.proofAttempts ?? 0;
    if (attempts >= MAX_PROOF_ATTEMPTS) return { draft: t.tooManyProofs, memory: memoryUpdate };
    const { matched } = await orderProve.run(deps, scope, { orderNumber, email });
    if (!matched) return { draft: t.noMatch(orderNumber), memory: { ...memoryUpdate, proofAttempts: attempts + 1 } };
    Object.assign(memoryUpdate, { provenOrders: [...scope.provenOrders, orderNumber], provenEmail: email });
    scope.provenOrders = [...scope.provenOrders, orderNumber];
    scope.guestEmail = email;
  }
  const got = await orderGet.run(deps, scope, { orderNumber });
  if (!got.found) return { draft: t.notFound(orderNumber), memory: memoryUpdate };
  return { draft: describeOrder(t, got.order, lang), sources: [`order:${got.order.orderNumber}`], memory: memoryUpdate };
}

async function promoAnswer(deps: GraphDeps, input: TurnInput, memory: Memory, e: Entities, lang: Foreign): Promise<SpecialistResult> {
  const t = TEXTS[lang];
  const code = e.promoCodes[0] ?? memory.lastPromoCode;
  if (!code) {
    const rows = await activePromotions(deps.db, deps.now?.() ?? new Date());
    if (!rows.length) return { draft: t.noPromos };
    return { draft: t.promoList(rows.map((p) => `• ${p.code}: ${p.discountPercent} %`)), sources: rows.map((p) => `promotion:${p.code}`) };
  }
  const r = await promoCheck.run({ db: deps.db, kb: deps.kb, ...(deps.now ? { now: deps.now } : {}) }, toolScope({ input, memory }), { code });
  const mem = { lastPromoCode: r.code };
  if (!r.exists) return { draft: t.promoUnknown(r.code), memory: mem };
  const sources = [`promotion:${r.code}`];
  if (r.blockedBy === 'expired') return { draft: t.promoExpired(r.code), sources, memory: mem };
  if (r.blockedBy === 'first_order_only') return { draft: t.promoFirstOrder(r.code), sources, memory: mem };
  return { draft: t.promoValid(r.code, r.promo!.discountPercent), sources, memory: mem };
}

async function productAnswer(deps: GraphDeps, memory: Memory, e: Entities, intent: Intent, lang: Foreign): Promise<SpecialistResult> {
  const t = TEXTS[lang];
  const skus = e.productSkus.length ? e.productSkus.slice(0, 3) : memory.focusSku ? [memory.focusSku] : [];
  if (!skus.length) return { draft: t.askProduct };
  const rows = await productDetails.run({ db: deps.db, kb: deps.kb }, { provenOrders: [] }, { skus });
  if (!rows.length) return { draft: t.askProduct, failed: true };
  const lines = rows.map((p) => {
    const stock = p.stock > 0 ? t.inStock(p.name, p.stock) : t.outOfStock(p.name);
    return intent === 'product_stock' ? stock : `${t.price(p.name, formatMoney(p.priceCents, lang))} ${stock}`;
  });
  return {
    draft: lines.join('\n'),
    sources: rows.map((p) => `product:${p.sku}`),
    memory: { focusSku: rows[0]!.sku, lastProductSkus: rows.map((p) => p.sku), lastListKind: 'named' },
  };
}

// Concepts that make a message about a product a policy or account question ("Kann ich meinen Laptop
// zurückgeben?"), not a shopping one.
const NOT_SHOPPING = new Set(['return', 'refund', 'warranty', 'ship', 'express', 'standard', 'cheaper', 'pay', 'contact', 'hours', 'order', 'track', 'promo', 'person', 'talk'].map((c) => `c:${c}`));

/** "¿Tienen auriculares con cancelación de ruido?": a few products of that kind, in the customer's language. */
async function categoryAnswer(deps: GraphDeps, input: TurnInput, memory: Memory, lang: Foreign): Promise<SpecialistResult | undefined> {
  const q = foreignCatalogQuery(input.text);
  if (!q || concepts(fold(input.text)).some((c) => NOT_SHOPPING.has(c))) return undefined;
  const t = TEXTS[lang];
  const rows = await catalogSearch.run({ db: deps.db, kb: deps.kb }, toolScope({ input, memory }), { ...q, sort: 'rating', limit: 3 });
  if (!rows.length) return { draft: t.noProducts, failed: true };
  const lines = rows.map((p) => `• ${t.price(p.name, formatMoney(p.priceCents, lang))} ${p.stock > 0 ? t.inStock(p.name, p.stock) : t.outOfStock(p.name)}`);
  return {
    draft: t.productList(lines),
    sources: rows.map((p) => `product:${p.sku}`),
    memory: { lastProductSkus: rows.map((p) => p.sku), lastListKind: 'search', ...(q.category ? { lastCategory: q.category } : {}), ...(rows.length === 1 ? { focusSku: rows[0]!.sku } : {}) },
  };
}

function factsAnswer(res: LocalizedResources, intent: Intent, lang: Foreign): SpecialistResult {
  const ids = INTENT_PASSAGES[intent] ?? [];
  const facts = ids.map((id) => res.facts[lang]?.get(id)).filter((f): f is string => !!f);
  if (!facts.length || facts.length !== ids.length) return { draft: TEXTS[lang].cannot, failed: true };
  return { draft: facts.join(' '), sources: ids, memory: { lastTopic: ids[0] } };
}

/** One German, Spanish or French turn, answered offline. */
export async function answerLocalized(deps: GraphDeps, res: LocalizedResources, input: TurnInput, memory: Memory, lang: Foreign): Promise<LocalizedAnswer> {
  const t = TEXTS[lang];
  const e = extractEntities(input.text, deps.catalog);
  const accepted = memory.personOffered && YES[lang].test(input.text);
  const { intent, confidence } = accepted ? { intent: 'human' as const, confidence: 1 } : chooseIntent(res.intents, input.text, e, memory, input, deps.catalog);
  const domain = INTENT_DOMAIN[intent];
  const agent: Specialist = domain === 'human' ? (memory.lastAgent ?? 'general') : domain;
  const route: Route = { domain, confidence: Number(confidence.toFixed(4)), intent };
  const base = { route, agent, entities: e };
  if (intent === 'human') return { ...base, draft: t.handoff.customer_request, askedForPerson: true, memory: { personOffered: false } };
  // A kind of product named, and no order, code or policy word: a shopping question, whatever the
  // intent model guessed (it knows named products, not categories).
  const shopping = !e.productSkus.length && !e.promoCodes.length && intent !== 'order_status' ? await categoryAnswer(deps, input, memory, lang) : undefined;
  if (shopping) {
    const sales = { route: { domain: 'sales' as const, confidence: route.confidence, intent: 'product_search' }, agent: 'sales' as const, entities: e };
    return { ...sales, ...shopping, memory: { ...shopping.memory, personOffered: !!shopping.failed, lastAgent: 'sales' } };
  }
  let r: SpecialistResult;
  if (POLICY.has(intent)) r = factsAnswer(res, intent, lang);
  else if (intent === 'order_status') r = await orderAnswer(deps, input, memory, e, lang);
  else if (intent === 'promo') r = await promoAnswer(deps, input, memory, e, lang);
  else if (intent === 'product_price' || intent === 'product_stock') r = await productAnswer(deps, memory, e, intent, lang);
  else if (intent === 'greeting') r = { draft: t.greeting };
  else if (intent === 'thanks') r = { draft: t.thanks };
  else r = { draft: t.cannot, failed: true };
  const offered = r.draft === t.cannot || r.draft === t.tooManyProofs;
  return { ...base, ...r, memory: { ...r.memory, personOffered: offered, lastAgent: agent } };
}
