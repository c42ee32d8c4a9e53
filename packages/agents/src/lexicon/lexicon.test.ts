// Runs against generated/lexicon.bin (written by `pnpm --filter @em/agents build`).
import { describe, expect, it } from 'vitest';
import { Flag } from './format';
import { loadLexicon } from './lexicon';
import { shopVocabulary } from './speller';

const lex = loadLexicon();
const shopWords = new Set([...lex.entries()].filter(([w]) => lex.flags(w) & Flag.SHOP).map(([w]) => w));

describe('lexicon (pretrained vectors, compacted)', () => {
  it('orders similarities sensibly', () => {
    expect(lex.similarity('tv', 'television')).toBeGreaterThan(0.9);
    expect(lex.similarity('tv', 'television')).toBeGreaterThan(lex.similarity('tv', 'banana') + 0.5);
    expect(lex.similarity('furious', 'angry')).toBeGreaterThan(0.75);
    expect(lex.similarity('refund', 'refunds')).toBeGreaterThan(lex.similarity('refund', 'weather'));
  });

  it('is symmetric, 1 for a word with itself, 0 for unknown words, case-insensitive', () => {
    expect(lex.similarity('laptop', 'notebook')).toBeCloseTo(lex.similarity('notebook', 'laptop'), 6);
    expect(lex.similarity('laptop', 'laptop')).toBe(1);
    expect(lex.similarity('zzqxv', 'laptop')).toBe(0);
    expect(lex.has('zzqxv')).toBe(false);
    expect(lex.similarity('TV', 'Television')).toBeCloseTo(lex.similarity('tv', 'television'), 6);
  });

  it('keeps unit-length int8 vectors (quantisation error well under 1%)', () => {
    const v = lex.vector('warranty')!;
    expect(v).toHaveLength(lex.dimensions);
    expect(Math.hypot(...v)).toBeCloseTo(1, 2);
  });

  it('gives shop words the resource lacks a vector composed from their shop contexts', () => {
    expect(lex.rank('soundhalo')).toBeUndefined();
    expect(lex.flags('soundhalo') & Flag.SYNTHETIC).toBeTruthy();
    expect(lex.similarity('soundhalo', 'headphones')).toBeGreaterThan(lex.similarity('soundhalo', 'thermostat'));
    expect(lex.similarity('airbook', 'laptop')).toBeGreaterThan(0.4);
  });

  it('builds sentence vectors that compare like their meaning', () => {
    const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, d) => s + x * b[d]!, 0);
    const q = lex.sentenceVector(['my', 'earphones', 'are', 'broken'])!;
    const near = lex.sentenceVector(['faulty', 'headphones'])!;
    const far = lex.sentenceVector(['store', 'opening', 'hours'])!;
    expect(cos(q, near)).toBeGreaterThan(cos(q, far));
    expect(Math.hypot(...q)).toBeCloseTo(1, 5);
    expect(lex.sentenceVector(['zzqxv'])).toBeUndefined();
    expect(lex.sentenceVector(['the'])).toBeDefined(); // only stop words: still a vector
  });

  it('finds nearest words over the whole lexicon or among a vocabulary', () => {
    expect(lex.nearest('television', 10).map((n) => n.word)).toContain('tv');
    const among = ['banana', 'tv', 'refund'];
    expect(lex.nearest('television', 1, among)).toEqual([{ word: 'tv', similarity: lex.similarity('television', 'tv') }]);
    expect(lex.nearest('zzqxv', 3)).toEqual([]);
  });

  it('expands customer words to shop words, best first, within min and k', () => {
    const out = lex.expand('earphones', { among: shopWords, min: 0.5, k: 5 });
    expect(out.map((n) => n.word)).toContain('headphones');
    expect(out.length).toBeLessThanOrEqual(5);
    expect(out.every((n) => n.similarity >= 0.5 && shopWords.has(n.word) && n.word !== 'earphones')).toBe(true);
    expect(out.map((n) => n.similarity)).toEqual([...out.map((n) => n.similarity)].sort((a, b) => b - a));
  });

  it('returns the same expansion from precomputed lists as by brute force', () => {
    const catalogish = new Set([...shopWords].filter((w) => w.length > 5)); // a SHOP subset: fast path
    const mixed = new Set([...catalogish, 'banana']); // not only SHOP words: brute force
    for (const w of ['refund', 'broken', 'deliver', 'laptop', 'earphones', 'furious', 'shiping']) {
      const fast = lex.expand(w, { among: catalogish, min: 0.4, k: 8 });
      const slow = lex.expand(w, { among: mixed, min: 0.4, k: 8 }).filter((n) => n.word !== 'banana');
      expect(fast.map((n) => n.word)).toEqual(slow.map((n) => n.word).slice(0, fast.length));
      expect(fast.length).toBe(Math.min(8, slow.length));
    }
  });

  it('says how to build a missing artifact', () => {
    expect(() => loadLexicon('/nonexistent/lexicon.bin')).toThrow(/pnpm --filter @em\/agents build/);
  });

  it('ships the shop vocabulary without customers’ typos', () => {
    const vocab = shopVocabulary(lex);
    expect(vocab.get('warranty')).toBeGreaterThan(0);
    expect(vocab.has('voltra')).toBe(true);
    expect(vocab.has('shiping')).toBe(false); // in Bitext/our utterances, but a typo
    expect(vocab.has('laptp')).toBe(false);
  });
});
