// Where a reply talks about which product: a product fact (price, stock, a spec) counts only in the
// part of the reply about that product, so "$1,099" next to another laptop is not credited.
import { escapeRe, normalize } from './match';
import type { ProductFacts } from './world';

type Named = Pick<ProductFacts, 'name' | 'brand'>;

/** Full name, or the model without the brand when that is distinctive ("UltraBook 14"). */
function nameForms(p: Named): string[] {
  const model = p.name.startsWith(`${p.brand} `) ? p.name.slice(p.brand.length + 1) : '';
  return model.length >= 6 && /\d|\s/.test(model) ? [p.name, model] : [p.name];
}

const formRe = (form: string) => new RegExp(`(?<![\\w])${escapeRe(normalize(form)).replace(/ /g, '\\s*')}(?![\\w])`, 'gi');

/** Start offsets (in normalize(text)) where the product is named. */
export function mentions(text: string, p: Named): number[] {
  const n = normalize(text);
  const at = new Set<number>();
  for (const f of nameForms(p)) for (const m of n.matchAll(formRe(f))) at.add(m.index);
  return [...at].sort((a, b) => a - b);
}

export const namesProduct = (text: string, p: Named) => mentions(text, p).length > 0;

/**
 * The parts of the reply about `p`: from each mention up to the next mention of another catalog
 * product. When no product is named at all the reply is about the one in context ("is it in
 * stock?" → "Yes, 34 left"), so the whole text counts; when only others are named, nothing does.
 */
export function segmentsAbout(text: string, p: ProductFacts, catalog: ProductFacts[]): string[] {
  const n = normalize(text);
  const own = mentions(text, p);
  const others = catalog.filter((q) => q.name !== p.name).flatMap((q) => mentions(text, q));
  if (!own.length) return others.length ? [] : [n];
  return own.map((start) => n.slice(start, Math.min(n.length, ...others.filter((o) => o > start))));
}

/** The catalog product named first in the reply, if any. */
export function firstNamed(text: string, catalog: ProductFacts[]): ProductFacts | undefined {
  let best: { p: ProductFacts; at: number } | undefined;
  for (const p of catalog) {
    const at = mentions(text, p)[0];
    if (at !== undefined && (!best || at < best.at)) best = { p, at };
  }
  return best?.p;
}
