// A shopping message → a structured catalog query (searchCatalog in @em/db). Pure: the category and
// product-type vocabulary is data (the catalog_terms table, loaded once per process by the caller
// with listCatalogTerms and turned into a map here), so a new product type needs no code change.
import type { CatalogQuery } from '@em/db/queries/catalog-search';
import { extractConstraints } from './product-query-specs';
import { boundedOsa } from '../lexicon/distance';

export interface TermTarget {
  category: string;
  /** Null: the word names the whole category ("audio"). */
  kind: string | null;
}
/** Normalised term → what it names. */
export type CatalogTerms = ReadonlyMap<string, readonly TermTarget[]>;

/** Lower case, hyphens and slashes as spaces, other punctuation dropped: the form catalog_terms stores. */
export const normalizeText = (s: string) =>
  s
    .toLowerCase()
    .replace(/[-_/]+/g, ' ')
    .replace(/[^a-z0-9.§ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function termsFromRows(rows: ReadonlyArray<{ term: string; category: string; kind: string | null }>): CatalogTerms {
  const map = new Map<string, TermTarget[]>();
  for (const r of rows) {
    const key = normalizeText(r.term);
    const list = map.get(key) ?? [];
    list.push({ category: r.category, kind: r.kind });
    map.set(key, list);
  }
  return map;
}

const STOP_WORDS = new Set(
  (
    'a an the and or of to for in on at by with from is are am be been do does did you your yours we our i me my mine it its this that these those ' +
    'any some something anything sell sells selling have has having got get buy buying purchase need needs want wants wanted looking look find finding ' +
    'show list tell give recommend recommendation recommendations suggest suggestions option options choice choices please pls thanks thank hi hello hey ' +
    'can could would will should may might which what whats how much many is there are there one ones kind kinds type types sort model models ' +
    'good great nice decent new latest cheap affordable price priced prices cost costs dollars budget stock available carry offer offers also just ' +
    'really very more most less than about around like into as so but if not no other else im ive id dont product products item items thing things ' +
    'stuff shop store electromart them they he she his her their him us up out device devices gadget gadgets'
  ).split(/\s+/),
);

// Twelve and under: a teenager's tablet is not a child's.
const FOR_A_CHILD = /\b(?:kids?|child|children|toddlers?|(?:[1-9]|1[0-2])[- ]?(?:year|yr)s?[- ]old)\b/i;
const AGE_WORDS = new Set(['year', 'years', 'yr', 'yrs', 'old']);

/** Words that are also verbs or common nouns in a sentence ("to watch a movie", "ring me"): a type noun only when not right after these. */
const AMBIGUOUS = new Set(['watch', 'watches', 'ring', 'rings', 'band', 'plug', 'mobile', 'cans', 'display', 'dock']);
const VERB_CONTEXT = new Set(['to', 'can', 'i', 'we', 'you', 'they', 'and', 'will', 'would', 'could', 'should', 'please', 'lets', 'dont']);
/** After these, a type noun describes a feature of the head noun ("a phone with a good camera"). */
const MODIFIER_CONTEXT = new Set(['with', 'for', 'has', 'having', 'without', 'compatible', 'plus', 'that', 'includes', 'including', 'like']);

interface Hit {
  start: number;
  end: number;
  term: string;
  targets: readonly TermTarget[];
}

/**
 * The closest one-word type term within a typo or two (the lexicon's bounded OSA distance: no
 * allocation per comparison; it was a fresh matrix per term, 4 % of a worker's CPU). Names are the
 * DB's trigram search's.
 */
function fuzzyTerm(word: string, terms: CatalogTerms): string | undefined {
  if (word.length < 6 || /\d/.test(word)) return undefined;
  const cap = word.length >= 9 ? 2 : 1;
  let best: [string, number] | undefined;
  for (const term of terms.keys()) {
    if (term.includes(' ') || term.length < 5) continue;
    const dist = boundedOsa(word, term, cap);
    if (dist <= cap && (!best || dist < best[1])) best = [term, dist];
  }
  return best?.[0];
}

const MAX_TERM_WORDS = 4;

function findTerms(tokens: string[], terms: CatalogTerms): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; ) {
    let hit: Hit | undefined;
    for (let n = Math.min(MAX_TERM_WORDS, tokens.length - i); n >= 1 && !hit; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      const targets = terms.get(phrase);
      if (targets) hit = { start: i, end: i + n, term: phrase, targets };
    }
    if (!hit && !STOP_WORDS.has(tokens[i]!)) {
      const near = fuzzyTerm(tokens[i]!, terms);
      if (near) hit = { start: i, end: i + 1, term: near, targets: terms.get(near)! };
    }
    if (hit && AMBIGUOUS.has(hit.term) && i > 0 && VERB_CONTEXT.has(tokens[i - 1]!)) hit = undefined;
    if (hit) {
      hits.push(hit);
      i = hit.end;
    } else i++;
  }
  return hits;
}

/**
 * The head nouns: a term right before another one only modifies it ("gaming laptop", "laptop charger"),
 * and one after "with/for/…" describes a feature once a head is known ("phone with a good camera").
 */
function heads(hits: Hit[], tokens: string[]): { heads: Hit[]; modifiers: Hit[] } {
  const headHits: Hit[] = [];
  const modifiers: Hit[] = [];
  hits.forEach((h, idx) => {
    const next = hits[idx + 1];
    const compound = next && next.start === h.end;
    const afterModifierWord = headHits.length > 0 && tokens.slice(Math.max(0, h.start - 3), h.start).some((t) => MODIFIER_CONTEXT.has(t));
    (compound || afterModifierWord ? modifiers : headHits).push(h);
  });
  return headHits.length ? { heads: headHits, modifiers } : { heads: modifiers.slice(-1), modifiers: modifiers.slice(0, -1) };
}

/** Parses budget, specs, features, sort words, category and product types; leftover content words become `text`. */
export function parseProductQuery(text: string, terms: CatalogTerms): CatalogQuery {
  const found = extractConstraints(text.toLowerCase());
  const tokens = normalizeText(found.rest).split(' ').filter(Boolean);
  const hits = findTerms(tokens, terms);
  const { heads: headHits, modifiers } = heads(hits, tokens);

  const targets = headHits.flatMap((h) => h.targets);
  // A term with kinds names product types; the category-level rows of the same word ("tvs") add nothing.
  const kindTargets = targets.filter((t) => t.kind);
  const chosen = kindTargets.length ? kindTargets : targets;
  let categories = new Set(chosen.map((t) => t.category));
  // A category word in front of the head narrows it: "gaming keyboard", "smart home camera".
  for (const m of modifiers) {
    const narrowed = new Set(m.targets.filter((t) => !t.kind && categories.has(t.category)).map((t) => t.category));
    if (narrowed.size === 1) categories = narrowed;
  }
  const kinds = [...new Set(kindTargets.filter((t) => categories.has(t.category)).map((t) => t.kind!))];

  const used = new Set(headHits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, k) => h.start + k)));
  for (const m of modifiers) if (m.targets.some((t) => !t.kind && categories.has(t.category)) && categories.size === 1) for (let k = m.start; k < m.end; k++) used.add(k);
  const content = tokens.filter((t, i) => !used.has(i) && !STOP_WORDS.has(t) && !/^\d+$/.test(t) && t.length > 1);
  // Who it is for, as people say it ("for my 6 year old", "the kids"): the catalog says "children".
  const free = FOR_A_CHILD.test(text) ? [...content.filter((t) => !AGE_WORDS.has(t)), 'children'] : content;

  const q: CatalogQuery = {};
  if (free.length) q.text = [...new Set(free)].join(' ');
  if (categories.size === 1) q.category = [...categories][0]!;
  if (kinds.length) q.kinds = kinds;
  if (found.minPriceCents !== undefined) q.minPriceCents = found.minPriceCents;
  if (found.maxPriceCents !== undefined) q.maxPriceCents = found.maxPriceCents;
  if (Object.keys(found.filters).length) q.filters = found.filters;
  if (found.sort) q.sort = found.sort;
  return q;
}
