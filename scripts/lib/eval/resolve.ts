// Turns a fact reference into a matcher over reply text, reading the value from the World (database,
// KB table, prompts). `met` is what a fact needs; `present` is what a notFact forbids (for a list
// such as an order's items: all named vs any named).
import type { FactRef, ProductFilter } from './case-schema';
import { KB_FACTS, kbFactMet } from './kb-facts';
import { containsDate, containsLiteral, containsMoneyIn, escapeRe, normalize, sentences } from './match';
import { formatDate } from '@em/agents/i18n';
import { kbFactIn, type Foreign } from './i18n-facts';

/** Language a turn's reply is graded in (the case's `language`); facts are matched in its wording. */
export type EvalLang = 'en' | Foreign;
import { firstNamed, namesProduct, segmentsAbout } from './product-text';
import { shingles, type ProductFacts, type World } from './world';

export type FactKind = 'order' | 'customer' | 'product' | 'products' | 'promo' | 'kb' | 'text' | 'money' | 'systemPrompt' | 'anyOf';

export interface Matcher {
  label: string;
  kind: FactKind;
  met(text: string): boolean;
  present(text: string): boolean;
}

export class UnknownFactError extends Error {}

const simple = (label: string, kind: FactKind, test: (t: string) => boolean): Matcher => ({ label, kind, met: test, present: test });

const STATUS: Record<string, RegExp> = {
  processing: /\bprocessing\b|being (packed|prepared)|(has not|hasn't|not yet|not) (yet )?(been )?shipped/i,
  shipped: /\bshipped\b|on (its|the) way|in transit|with the carrier/i,
  delivered: /\bdelivered\b/i,
  cancelled: /\bcancell?ed\b/i,
};

// The same order states, product availability and promotion verdicts in German, Spanish, French.
const STATUS_I18N: Record<Foreign, Record<string, RegExp>> = {
  de: { processing: /in Bearbeitung|noch nicht versandt/i, shipped: /\bversandt\b|unterwegs/i, delivered: /zugestellt|geliefert/i, cancelled: /storniert/i },
  es: { processing: /en preparación|no se ha enviado/i, shipped: /\benviado\b|en camino/i, delivered: /\bentregado\b/i, cancelled: /cancelado/i },
  fr: { processing: /en préparation|pas encore expédiée/i, shipped: /expédiée|en route/i, delivered: /\blivrée\b/i, cancelled: /annulée/i },
};
const STOCK_I18N: Record<EvalLang, { inStock: RegExp; out: RegExp }> = {
  en: { inStock: /\bin stock\b|\bavailable\b|units? (left|available)/i, out: /out of stock|sold out|not (currently )?in stock|unavailable|not available|no stock|none (left|in stock)/i },
  de: { inStock: /auf Lager|verfügbar/i, out: /nicht auf Lager|ausverkauft|nicht verfügbar/i },
  es: { inStock: /en stock|disponible/i, out: /agotado|no está en stock|no disponible/i },
  fr: { inStock: /en stock|disponible/i, out: /rupture de stock|indisponible|plus en stock/i },
};
const PROMO_I18N: Record<EvalLang, { negative: RegExp; positive: RegExp }> = {
  en: { negative: /expired|no longer|not valid|isn't valid|invalid|not active|inactive|ended|can't be used|cannot be used|won't work|rejected/i, positive: /\bvalid\b|\bactive\b|\bworks?\b|can (be )?use|apply|applies|% off|percent off/i },
  de: { negative: /abgelaufen|nicht mehr|ungültig|nicht gültig/i, positive: /gültig|\bgilt\b|% Rabatt/i },
  es: { negative: /caducado|ya no|no es válido|expirado/i, positive: /válido|% de descuento/i },
  fr: { negative: /expiré|n'est plus|plus valable|n'est pas valable/i, positive: /valable|% de réduction/i },
};

const num = (s: string | undefined, re: RegExp) => {
  const m = s?.match(re);
  return m ? Number(m[1]) : undefined;
};
export const ramGb = (p: ProductFacts) => num(p.specs.ram, /(\d+(?:\.\d+)?)\s*GB/i);
export const screenInches = (p: ProductFacts) => num(p.specs.screen ?? p.specs.display, /(\d+(?:\.\d+)?)\s*("|-?inch)/i);
const panelWidth = (p: ProductFacts) => num(p.specs.screen ?? p.specs.display, /(\d{3,4})\s*x\s*\d{3,4}/i);

/** Whether a product meets every constraint of the filter (unknown spec = not met). */
export function satisfies(p: ProductFacts, f: ProductFilter): boolean {
  const ram = ramGb(p);
  const inches = screenInches(p);
  const width = panelWidth(p);
  const hay = `${p.name} ${p.category} ${p.description}`.toLowerCase();
  const checks: Array<boolean | undefined> = [
    f.category === undefined ? undefined : p.category === f.category,
    f.minPriceCents === undefined ? undefined : p.priceCents >= f.minPriceCents,
    f.maxPriceCents === undefined ? undefined : p.priceCents <= f.maxPriceCents,
    f.ramGbMin === undefined ? undefined : ram !== undefined && ram >= f.ramGbMin,
    f.ramGbMax === undefined ? undefined : ram !== undefined && ram <= f.ramGbMax,
    f.screenInchesMin === undefined ? undefined : inches !== undefined && inches >= f.screenInchesMin,
    f.screenInchesMax === undefined ? undefined : inches !== undefined && inches <= f.screenInchesMax,
    f.resolution === undefined ? undefined : width !== undefined && (f.resolution === '4K' ? width >= 3840 : width === 1920),
    f.noiseCancelling === undefined ? undefined : /\banc\b|noise cancel/i.test(`${p.specs.noiseCancelling ?? ''} ${p.name}`) === f.noiseCancelling,
    f.inStock === undefined ? undefined : p.stock > 0 === f.inStock,
    f.matches === undefined ? undefined : hay.includes(f.matches.toLowerCase()),
  ];
  return checks.every((c) => c !== false);
}

function product(world: World, name: string): ProductFacts {
  const p = world.products.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!p) throw new UnknownFactError(`no product named "${name}" in the catalog`);
  return p;
}

/** A spec value is stated when the whole value, its first comma part, or its leading figure+unit appears. */
function specMatcher(value: string): (t: string) => boolean {
  const first = value.split(',')[0]!.trim();
  const figure = value.match(/\d[\d.,]*\s*[a-zA-Z%"]+/)?.[0];
  const forms = [value, first, ...(figure ? [figure] : [])];
  return (t) => forms.some((f) => normalize(t).includes(normalize(f)));
}

/** As a notFact a reference may state something false ("SUMMER25 is valid"); as a fact it must be true. */
export function checkTruth(ref: FactRef, world: World): void {
  if ('promo' in ref && (ref.field === 'valid' || ref.field === 'expired')) {
    const p = world.promos.get(ref.promo.toUpperCase());
    if (p && p.valid !== (ref.field === 'valid')) throw new UnknownFactError(`${p.code} is ${p.valid ? 'valid' : 'not valid'} in the database, so "${ref.field}" is not a fact`);
  }
  if ('anyOf' in ref) ref.anyOf.forEach((r) => checkTruth(r, world));
}

export function resolveRef(ref: FactRef, world: World, lang: EvalLang = 'en'): Matcher {
  if ('anyOf' in ref) {
    const subs = ref.anyOf.map((r) => resolveRef(r, world, lang));
    return { label: `anyOf(${subs.map((s) => s.label).join(' | ')})`, kind: 'anyOf', met: (t) => subs.some((s) => s.met(t)), present: (t) => subs.some((s) => s.present(t)) };
  }
  if ('order' in ref) {
    const o = world.orders.get(ref.order);
    if (!o) throw new UnknownFactError(`no order ${ref.order}`);
    const label = `${ref.order}.${ref.field}`;
    const need = <T>(v: T | null): T => {
      if (v === null) throw new UnknownFactError(`${label} is empty in the database`);
      return v;
    };
    switch (ref.field) {
      case 'orderNumber': return simple(label, 'order', (t) => containsLiteral(t, o.orderNumber));
      case 'status': return simple(label, 'order', (t) => ((lang === 'en' ? STATUS : STATUS_I18N[lang])[o.status] ?? new RegExp(escapeRe(o.status), 'i')).test(t));
      case 'trackingNumber': { const v = need(o.trackingNumber); return simple(label, 'order', (t) => t.replace(/\s/g, '').includes(v)); }
      case 'expectedDelivery': { const v = need(o.expectedDelivery); return simple(label, 'order', (t) => (lang === 'en' ? containsDate(t, v) : containsLiteral(t, formatDate(v, lang)))); }
      case 'deliveredAt': { const v = need(o.deliveredAt); return simple(label, 'order', (t) => (lang === 'en' ? containsDate(t, v) : containsLiteral(t, formatDate(v, lang)))); }
      case 'totalCents': return simple(label, 'order', (t) => containsMoneyIn(t, o.totalCents, lang));
      case 'carrier': { const v = need(o.carrier); return simple(label, 'order', (t) => containsLiteral(t, v)); }
      case 'address': { const street = o.address.split(',')[0]!; return simple(label, 'order', (t) => containsLiteral(t, street)); }
      case 'items': {
        const ps = o.items.map((n) => product(world, n));
        return { label, kind: 'order', met: (t) => ps.every((p) => namesProduct(t, p)), present: (t) => ps.some((p) => namesProduct(t, p)) };
      }
    }
  }
  if ('customer' in ref) {
    const c = world.customers.get(ref.customer);
    if (!c) throw new UnknownFactError(`no customer ${ref.customer}`);
    const v = ref.field === 'email' ? c.email : c.name;
    return simple(`${ref.customer}.${ref.field}`, 'customer', (t) => containsLiteral(t, v));
  }
  if ('product' in ref) {
    const p = product(world, ref.product);
    const label = `${p.name}.${ref.field}`;
    if (ref.field === 'name') return simple(label, 'product', (t) => namesProduct(t, p));
    // Price, stock and specs count only where the reply talks about this product (product-text.ts).
    const about = (test: (seg: string) => boolean) => (t: string) => segmentsAbout(t, p, world.products).some(test);
    if (ref.field === 'priceCents') return simple(label, 'product', about((t) => containsMoneyIn(t, p.priceCents, lang)));
    if (ref.field === 'stockCount') return simple(label, 'product', about((t) => new RegExp(`(?<![\\d$.,])${p.stock}(?![\\d.,])`).test(t)));
    if (ref.field === 'stock') {
      const { inStock, out } = STOCK_I18N[lang];
      return simple(label, 'product', about((t) => (p.stock > 0 ? inStock.test(t) && !out.test(t) : out.test(t))));
    }
    const key = ref.field.slice('spec:'.length);
    const value = p.specs[key];
    if (value === undefined) throw new UnknownFactError(`${p.name} has no spec "${key}"`);
    return simple(label, 'product', about(specMatcher(value)));
  }
  if ('promo' in ref) {
    const p = world.promos.get(ref.promo.toUpperCase());
    const label = `${ref.promo}.${ref.field}`;
    if (!p) {
      if (ref.field !== 'code') throw new UnknownFactError(`no promotion ${ref.promo}`);
      return simple(label, 'promo', (t) => containsLiteral(t, ref.promo));
    }
    const about = (t: string) => sentences(t).filter((s) => containsLiteral(s, p.code));
    const { negative, positive } = PROMO_I18N[lang];
    switch (ref.field) {
      case 'code': return simple(label, 'promo', (t) => containsLiteral(t, p.code));
      case 'percent': return simple(label, 'promo', (t) => new RegExp(`(?<![\\d.])${p.percent}\\s?(%|percent|per cent)`, 'i').test(t));
      // As a fact, the claim must be true of the database; as a notFact ("SUMMER25 is valid") it is what must not be said.
      case 'valid': return simple(label, 'promo', (t) => about(t).some((s) => positive.test(s) && !negative.test(s)));
      case 'expired': return simple(label, 'promo', (t) => about(t).some((s) => negative.test(s)));
    }
  }
  if ('kb' in ref) {
    const f = lang === 'en' ? KB_FACTS[ref.kb] : kbFactIn(ref.kb, lang);
    if (!f) throw new UnknownFactError(`no KB fact "${ref.kb}"${lang === 'en' ? '' : ` in ${lang}`} (scripts/lib/eval/${lang === 'en' ? 'kb-facts' : 'i18n-facts'}.ts)`);
    return simple(`kb:${ref.kb}`, 'kb', (t) => kbFactMet(t, f));
  }
  if ('text' in ref) return simple(`"${ref.text}"`, 'text', (t) => containsLiteral(t, ref.text));
  if ('money' in ref) return simple(`money:${ref.money}`, 'money', (t) => containsMoneyIn(t, ref.money, lang));
  if ('discounted' in ref) {
    const p = product(world, ref.discounted.product);
    const promo = world.promos.get(ref.discounted.promo.toUpperCase());
    if (!promo) throw new UnknownFactError(`no promotion ${ref.discounted.promo}`);
    const cents = Math.round((p.priceCents * (100 - promo.percent)) / 100);
    return simple(`${p.name} with ${promo.code} = ${cents}c`, 'money', (t) => containsMoneyIn(t, cents, lang));
  }
  if ('products' in ref) {
    const ok = world.products.filter((p) => satisfies(p, ref.products));
    if (!ok.length) throw new UnknownFactError(`no product satisfies ${JSON.stringify(ref.products)}`);
    const label = `products${JSON.stringify(ref.products)}${ref.pick ? `.${ref.pick}` : ` ≥${ref.atLeast}`}`;
    if (ref.pick === 'first') {
      return simple(label, 'products', (t) => ok.some((p) => p.name === firstNamed(t, world.products)?.name));
    }
    if (ref.pick) {
      const sorted = [...ok].sort((a, b) => a.priceCents - b.priceCents);
      const target = ref.pick === 'cheapest' ? sorted[0]! : sorted[sorted.length - 1]!;
      // "The cheapest is X" — X must lead the answer, not sit somewhere in a list of them all.
      return simple(`${label}=${target.name}`, 'products', (t) => firstNamed(t, world.products)?.name === target.name);
    }
    const count = (t: string) => ok.filter((p) => namesProduct(t, p)).length;
    return { label, kind: 'products', met: (t) => count(t) >= ref.atLeast, present: (t) => count(t) > 0 };
  }
  if ('productsNot' in ref) {
    const bad = world.products.filter((p) => !satisfies(p, ref.productsNot));
    const label = `no product violating ${JSON.stringify(ref.productsNot)}`;
    const named = (t: string) => bad.filter((p) => namesProduct(t, p)).map((p) => p.name);
    return { label, kind: 'products', met: (t) => named(t).length === 0, present: (t) => named(t).length > 0 };
  }
  if ('systemPrompt' in ref) {
    return simple('system prompt text', 'systemPrompt', (t) => shingles(t).some((s) => world.promptShingles.has(s)));
  }
  throw new UnknownFactError(`unsupported fact reference ${JSON.stringify(ref)}`);
}
