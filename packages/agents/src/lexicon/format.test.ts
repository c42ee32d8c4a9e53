import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Flag, decodeLexicon, encodeLexicon, readLexiconHeader, type LexiconTables } from './format';
import { createLexicon } from './lexicon';

const tables = (): LexiconTables => ({
  words: ['tv', 'television', 'banana', 'soundhalo'],
  rank: Uint32Array.from([700, 400, 5000, 0xffffffff]),
  shopCount: Uint32Array.from([3, 1, 0, 2]),
  flags: Uint8Array.from([Flag.COMMON | Flag.SHOP | Flag.VECTOR, Flag.COMMON | Flag.SHOP | Flag.VECTOR, Flag.COMMON | Flag.VECTOR, Flag.SHOP]),
  scale: Float32Array.from([1 / 127, 1 / 127, 1 / 127, 0]),
  vectors: Int8Array.from([127, 0, 120, 42, 0, 127, 0, 0]),
  nbrOffsets: Uint32Array.from([0, 1, 2, 2, 2]),
  nbrIds: Uint32Array.from([1, 0]),
  nbrSims: Float32Array.from([0.94, 0.94]),
});
const meta = { inputsHash: 'h', source: { name: 'x', version: '1' }, dimensions: 2, commonRank: 1000, neighbours: { k: 4, min: 0.3 } };

describe('lexicon binary format', () => {
  it('round-trips the tables and the header', () => {
    const bin = encodeLexicon(meta, tables());
    const { header, tables: t } = decodeLexicon(bin);
    expect(header).toMatchObject({ ...meta, count: 4 });
    expect(t.words).toEqual(tables().words);
    expect([...t.vectors]).toEqual([...tables().vectors]);
    expect([...t.nbrSims]).toEqual([...tables().nbrSims]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lexicon-format-')), 'l.bin');
    writeFileSync(file, bin);
    expect(readLexiconHeader(file)?.inputsHash).toBe('h');
  });

  it('copies a misaligned buffer before viewing it', () => {
    const bin = encodeLexicon(meta, tables());
    const shifted = Buffer.alloc(bin.length + 3);
    bin.copy(shifted, 3);
    expect(decodeLexicon(shifted.subarray(3)).tables.words).toHaveLength(4);
  });

  it('rejects other files', () => {
    expect(() => decodeLexicon(Buffer.from('not a lexicon at all'))).toThrow(/magic/);
    expect(readLexiconHeader('/nonexistent/lexicon.bin')).toBeUndefined();
  });

  it('gives a lexicon over the decoded tables (similarity, words without vectors)', () => {
    const lex = createLexicon({ ...meta, format: 1, count: 4, sections: decodeLexicon(encodeLexicon(meta, tables())).header.sections }, tables());
    expect(lex.similarity('tv', 'television')).toBeGreaterThan(0.9);
    expect(lex.similarity('tv', 'banana')).toBeLessThan(0.1);
    expect(lex.has('soundhalo')).toBe(false);
    expect(lex.isKnownWord('soundhalo')).toBe(true);
    expect(lex.similarity('tv', 'soundhalo')).toBe(0);
    expect(lex.rank('soundhalo')).toBeUndefined();
  });
});
