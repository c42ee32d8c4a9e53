import { routerTokens } from '../text/prepare';

/**
 * Multinomial logistic regression over the router's tokens plus 4-letter prefixes and suffixes of
 * words (they carry typos and word forms the stemmer misses: "reimbursment", "shiping"). Trained
 * with AdaGrad at build time. Hand-written (~80 lines) because no maintained npm package offers
 * sparse multinomial LR small enough to ship; the maths is textbook softmax regression.
 * Naive Bayes stays beside it (ensemble in router.ts): NB is robust on rare words, LR on overlap.
 */
export interface LogRegModel {
  labels: string[];
  vocabulary: string[];
  /** Row-major [feature][label] weights, Float32, base64. */
  weights: string;
  bias: number[];
}

const affixes = (text: string) => (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).flatMap((w) => [`p:${w.slice(0, 4)}`, `s:${w.slice(-4)}`]);
export const lrFeatures = (text: string) => [...new Set([...routerTokens(text), ...affixes(text)])];

export type Featurize = (text: string) => string[];

/** `featurize` defaults to the router's features; the multilingual intent model passes its own. */
export function trainLogReg(examples: Array<{ text: string; intent: string }>, opts = { epochs: 15, rate: 0.5, l2: 1e-5 }, featurize: Featurize = lrFeatures): LogRegModel {
  const labels = [...new Set(examples.map((e) => e.intent))].sort();
  const vocab = new Map<string, number>();
  const X = examples.map((e) => featurize(e.text).map((t) => vocab.get(t) ?? (vocab.set(t, vocab.size), vocab.size - 1)));
  const Y = examples.map((e) => labels.indexOf(e.intent));
  const L = labels.length;
  const W = new Float64Array(vocab.size * L);
  const G = new Float64Array(vocab.size * L).fill(1e-8);
  const B = new Float64Array(L);
  const GB = new Float64Array(L).fill(1e-8);
  const z = new Float64Array(L);
  const order = X.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    // Deterministic shuffle: the same data trains the same model.
    for (let k = order.length - 1; k > 0; k--) {
      const j = (k * 7919 + epoch * 104729) % (k + 1);
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const n of order) {
      const f = X[n]!;
      softmax(f, W, B, L, z);
      for (let c = 0; c < L; c++) {
        const g = z[c]! - (c === Y[n] ? 1 : 0);
        for (const i of f) {
          const idx = i * L + c;
          const gg = g + opts.l2 * W[idx]!;
          G[idx]! += gg * gg;
          W[idx]! -= (opts.rate * gg) / Math.sqrt(G[idx]!);
        }
        GB[c]! += g * g;
        B[c]! -= (opts.rate * g) / Math.sqrt(GB[c]!);
      }
    }
  }
  return { labels, vocabulary: [...vocab.keys()], weights: Buffer.from(Float32Array.from(W).buffer).toString('base64'), bias: [...B] };
}

function softmax(features: number[], W: ArrayLike<number>, B: ArrayLike<number>, L: number, out: Float64Array) {
  let max = -Infinity;
  for (let c = 0; c < L; c++) {
    let s = B[c]!;
    for (const i of features) s += W[i * L + c]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let total = 0;
  for (let c = 0; c < L; c++) total += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < L; c++) out[c]! /= total;
}

/** Loads a trained model; `predict` returns one probability per label (model.labels order). */
export function createLogReg(m: LogRegModel, featurize: Featurize = lrFeatures) {
  const buf = Buffer.from(m.weights, 'base64');
  // Copy into an aligned buffer (a Buffer may sit at any offset of Node's pool).
  const W = new Float32Array(Uint8Array.from(buf).buffer);
  const index = new Map(m.vocabulary.map((w, i) => [w, i]));
  const L = m.labels.length;
  return {
    labels: m.labels,
    predict(text: string): Float64Array {
      const f = featurize(text).flatMap((t) => (index.has(t) ? [index.get(t)!] : []));
      const out = new Float64Array(L);
      softmax(f, W, m.bias, L, out);
      return out;
    },
  };
}
