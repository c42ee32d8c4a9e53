import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEmbeddings } from './resource';

// The resource's exact shape, small: [d0, d1, l2norm, rank] per word, keys that look like syntax.
const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexicon-resource-')), 'emb.json');
const vectors: Record<string, number[]> = { the: [1, 0, 1, 0], '"': [0.5, 0.5, 0.7, 1], ']': [0, 2, 2, 2], vectors: [3, 4, 5, 3], 'café': [0, -1, 1, 4] };
writeFileSync(
  file,
  JSON.stringify({ precision: 8, l2NormIndex: 2, wordIndex: 3, size: 5, dimensions: 2, words: ['the', '"', ']', 'vectors', 'café'], vectors, unkVector: [0, 0, -1] }),
);

describe('readEmbeddings (streaming scanner)', () => {
  it('reads every entry with its rank and parses only the wanted vectors', () => {
    const seen: Array<[string, number]> = [];
    const got = new Map<string, number[]>();
    const meta = readEmbeddings(
      file,
      (w, rank) => (seen.push([w, rank]), rank !== 0),
      (w, _rank, v) => got.set(w, [...v]),
    );
    expect(meta).toEqual({ dimensions: 2, size: 5 });
    expect(seen).toEqual([['the', 0], ['"', 1], [']', 2], ['vectors', 3], ['café', 4]]);
    expect(got.has('the')).toBe(false);
    expect(got.get('vectors')).toEqual([3, 4]);
    expect(got.get('"')).toEqual([0.5, 0.5]);
    expect(got.get('café')).toEqual([0, -1]);
  });
});
