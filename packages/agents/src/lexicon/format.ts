// Binary layout of generated/lexicon.bin, little-endian:
//   "EMLX" | u32 header length | header JSON (zod-checked) | sections, each at an 8-byte-aligned offset
// The sections are typed arrays the runtime views in place (no copy, no parse), so loading costs
// one file read plus one Map of the words.
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';

export const MAGIC = 'EMLX';
export const FORMAT_VERSION = 1;

/** Per-word flags (bits of `flags`). */
export const Flag = {
  /** Among the resource's `commonRank` most frequent words: real English, never "corrected". */
  COMMON: 1,
  /** Occurs in text the shop wrote (KB, catalog, promotions): correctly spelled domain word. */
  SHOP: 2,
  /** Occurs in customer utterances (which contain typos: only trusted together with COMMON or SHOP). */
  UTTERANCE: 4,
  /** Its vector was composed from its shop contexts because the resource lacks the word. */
  SYNTHETIC: 8,
  /** Has a vector. */
  VECTOR: 16,
} as const;

const section = z.object({ offset: z.number().int().nonnegative(), byteLength: z.number().int().nonnegative() });
export const headerSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  inputsHash: z.string(),
  source: z.object({ name: z.string(), version: z.string() }),
  dimensions: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  commonRank: z.number().int().positive(),
  neighbours: z.object({ k: z.number().int().positive(), min: z.number() }),
  sections: z.object({
    words: section,
    rank: section,
    shopCount: section,
    flags: section,
    scale: section,
    vectors: section,
    nbrOffsets: section,
    nbrIds: section,
    nbrSims: section,
  }),
});
export type LexiconHeader = z.infer<typeof headerSchema>;
type SectionName = keyof LexiconHeader['sections'];

export interface LexiconTables {
  words: string[];
  /** Frequency rank in the resource (0 = most frequent); NO_RANK when the resource lacks the word. */
  rank: Uint32Array;
  /** Occurrences in the shop's text (authoritative + utterances). */
  shopCount: Uint32Array;
  flags: Uint8Array;
  /** Per-vector int8 scale: component d of word i ≈ vectors[i*dims+d] * scale[i]; vectors are unit length. */
  scale: Float32Array;
  vectors: Int8Array;
  /**
   * Precomputed neighbours among expansion targets (isExpansionTarget) of every word with a vector and the SHOP or UTTERANCE flag:
   * ids nbrIds[nbrOffsets[i]..nbrOffsets[i+1]], best first, similarity ≥ header.neighbours.min, at most .k.
   */
  nbrOffsets: Uint32Array;
  nbrIds: Uint32Array;
  nbrSims: Float32Array;
}

export const NO_RANK = 0xffffffff;
/** Resource ranks below this are function words ("the", "after", "well"): never an expansion. */
export const STOP_RANK = 150;

/** What expand() may return: a shop word with a vector that is not a function word (synthetic ones have NO_RANK). */
export const isExpansionTarget = (t: Pick<LexiconTables, 'flags' | 'rank'>, i: number): boolean =>
  (t.flags[i]! & (Flag.SHOP | Flag.VECTOR)) === (Flag.SHOP | Flag.VECTOR) && t.rank[i]! >= STOP_RANK;
const align8 = (n: number) => (n + 7) & ~7;

export function encodeLexicon(meta: Omit<LexiconHeader, 'format' | 'sections' | 'count'>, t: LexiconTables): Buffer {
  const bodies: Array<[SectionName, Uint8Array]> = [
    ['words', Buffer.from(t.words.join('\n'), 'utf8')],
    ['rank', new Uint8Array(t.rank.buffer, t.rank.byteOffset, t.rank.byteLength)],
    ['shopCount', new Uint8Array(t.shopCount.buffer, t.shopCount.byteOffset, t.shopCount.byteLength)],
    ['flags', t.flags],
    ['scale', new Uint8Array(t.scale.buffer, t.scale.byteOffset, t.scale.byteLength)],
    ['vectors', new Uint8Array(t.vectors.buffer, t.vectors.byteOffset, t.vectors.byteLength)],
    ['nbrOffsets', new Uint8Array(t.nbrOffsets.buffer, t.nbrOffsets.byteOffset, t.nbrOffsets.byteLength)],
    ['nbrIds', new Uint8Array(t.nbrIds.buffer, t.nbrIds.byteOffset, t.nbrIds.byteLength)],
    ['nbrSims', new Uint8Array(t.nbrSims.buffer, t.nbrSims.byteOffset, t.nbrSims.byteLength)],
  ];
  // Offsets depend on the header's length, which depends on the offsets' digits: reserve a fixed-width pad.
  const sections = {} as LexiconHeader['sections'];
  const provisional = (start: number) => {
    let at = start;
    for (const [name, bytes] of bodies) {
      sections[name] = { offset: at, byteLength: bytes.byteLength };
      at = align8(at + bytes.byteLength);
    }
    return at;
  };
  const header: LexiconHeader = { format: FORMAT_VERSION, ...meta, count: t.words.length, sections };
  provisional(0);
  const headerLen = align8(8 + Buffer.byteLength(JSON.stringify(header)) + 256) - 8;
  const total = provisional(8 + headerLen);
  if (Buffer.byteLength(JSON.stringify(header)) > headerLen) throw new Error('lexicon: header outgrew its reserved space');
  const out = Buffer.alloc(total);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerLen, 4);
  out.write(JSON.stringify(header).padEnd(headerLen, ' '), 8, 'utf8');
  for (const [name, bytes] of bodies) out.set(bytes, sections[name].offset);
  return out;
}

function parseHeader(buf: Buffer): LexiconHeader {
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('lexicon: not a lexicon file (bad magic)');
  const len = buf.readUInt32LE(4);
  return headerSchema.parse(JSON.parse(buf.toString('utf8', 8, 8 + len)));
}

/** The header alone (reads the first 64 KB), or undefined when the file is missing or not a lexicon. */
export function readLexiconHeader(file: string): LexiconHeader | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return parseHeader(buf.subarray(0, n));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function decodeLexicon(input: Buffer): { header: LexiconHeader; tables: LexiconTables } {
  // Typed-array views need aligned offsets; a pooled Buffer may start mid-ArrayBuffer.
  const buf = input.byteOffset % 8 === 0 ? input : Buffer.from(new Uint8Array(input));
  const header = parseHeader(buf);
  const s = header.sections;
  const view = <T>(name: SectionName, Ctor: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }) =>
    new Ctor(buf.buffer, buf.byteOffset + s[name].offset, s[name].byteLength / Ctor.BYTES_PER_ELEMENT);
  const wordsText = buf.toString('utf8', s.words.offset, s.words.offset + s.words.byteLength);
  const tables: LexiconTables = {
    words: header.count ? wordsText.split('\n') : [],
    rank: view('rank', Uint32Array),
    shopCount: view('shopCount', Uint32Array),
    flags: view('flags', Uint8Array),
    scale: view('scale', Float32Array),
    vectors: view('vectors', Int8Array),
    nbrOffsets: view('nbrOffsets', Uint32Array),
    nbrIds: view('nbrIds', Uint32Array),
    nbrSims: view('nbrSims', Float32Array),
  };
  if (tables.words.length !== header.count || tables.vectors.length !== header.count * header.dimensions)
    throw new Error('lexicon: section sizes do not match the header');
  return { header, tables };
}
