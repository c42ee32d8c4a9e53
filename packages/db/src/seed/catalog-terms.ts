// Mines the catalog for its type nouns: each product's kind comes from its own name (else its
// category's default, else the head of its description), and the terms table maps every noun of
// every kind the shop actually sells to that kind and the category those products live in.
import { CATEGORY_WORDS, KINDS, inflections, type KindDef } from './catalog-terms-data';
import { PRODUCTS } from './products-data';

export interface KindSource {
  name: string;
  category: string;
  description: string;
}

export interface TermRow {
  term: string;
  category: string;
  kind: string | null;
  source: 'curated' | 'catalog';
}

/** Lower case, hyphens/slashes as spaces: "E-Reader" → "e reader". The query parser normalises the same way. */
export const normalizeTerm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Categories whose products are one kind unless their name says otherwise (a "Tab 11" is a tablet). */
const CATEGORY_DEFAULT_KIND: Record<string, string> = { laptops: 'laptop', phones: 'phone', tvs: 'tv', tablets: 'tablet', cameras: 'camera' };

const NOUNS: Array<{ noun: string; def: KindDef }> = KINDS.flatMap((def) =>
  def.nouns.flatMap((n) => inflections(n).map((f) => ({ noun: normalizeTerm(f), def }))),
).sort((a, b) => b.noun.length - a.noun.length);

interface Hit {
  def: KindDef;
  at: number;
  len: number;
}

function hits(text: string): Hit[] {
  const t = ` ${normalizeTerm(text)} `;
  const out: Hit[] = [];
  for (const { noun, def } of NOUNS) {
    const at = t.indexOf(` ${noun} `);
    if (at >= 0) out.push({ def, at, len: noun.length });
  }
  return out;
}

/** The product's type noun: from the name (longest noun, the last one on a tie: names end with their type), else the category default, else the description's first noun. */
export function detectKind(p: KindSource): string | null {
  const inName = hits(p.name).sort((a, b) => b.len - a.len || b.at - a.at)[0];
  if (inName) return inName.def.kind;
  const byCategory = CATEGORY_DEFAULT_KIND[p.category];
  if (byCategory) return byCategory;
  const sentence = p.description.split(/(?<=\.)\s/)[0] ?? '';
  const inText = hits(sentence).sort((a, b) => a.at - b.at || b.len - a.len)[0];
  return inText?.def.kind ?? null;
}

const kindDef = (kind: string) => KINDS.find((k) => k.kind === kind);

/** Words a product of this kind is found by: its nouns and broader words, with plurals. */
export function kindKeywords(kind: string | null): string {
  const def = kind ? kindDef(kind) : undefined;
  if (!def) return '';
  const words = [...def.nouns, ...(def.broader ?? [])].flatMap(inflections).map(normalizeTerm);
  return [...new Set(words)].join(' ');
}

/** The terms table: curated category words plus every noun of each kind the catalog sells, in that kind's categories. */
export function buildTerms(products: Array<{ category: string; kind: string | null }>): TermRow[] {
  const rows = new Map<string, TermRow>();
  const add = (r: TermRow) => rows.set(`${r.term}\u0000${r.category}\u0000${r.kind ?? ''}`, r);
  const categories = new Set(products.map((p) => p.category));
  for (const [category, words] of Object.entries(CATEGORY_WORDS)) {
    if (!categories.has(category)) continue;
    for (const w of [category, ...words]) add({ term: normalizeTerm(w), category, kind: null, source: 'curated' });
  }
  for (const p of products) {
    if (!p.kind) continue;
    const def = kindDef(p.kind)!;
    for (const noun of [...def.nouns, ...(def.broader ?? [])].flatMap(inflections)) {
      add({ term: normalizeTerm(noun), category: p.category, kind: p.kind, source: 'catalog' });
    }
  }
  return [...rows.values()].sort((a, b) => a.term.localeCompare(b.term) || a.category.localeCompare(b.category));
}

/** The terms the seeded catalog yields, without a database (parser tests, offline tools). */
export const seededCatalogTerms = (): TermRow[] => buildTerms(PRODUCTS.map((p) => ({ category: p.category, kind: detectKind(p) })));
