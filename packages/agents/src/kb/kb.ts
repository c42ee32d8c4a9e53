/// <reference path="../wink.d.ts" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import createBM25 from 'wink-bm25-text-search';
import { routerTokens, searchTokens } from '../text/prepare';
import { trainRouter } from '../router/train';
import { createNbScorer, parseWinkExport } from '../router/scorer';

export interface KbPassage {
  /** e.g. "returns.md#return-window" — shown to agents as the source of an answer. */
  id: string;
  file: string;
  title: string;
  heading: string;
  text: string;
}

export interface KbHit extends KbPassage {
  score: number;
}

/** A customer question known to be answered by a passage (training data, not the eval set). */
export interface KbPhrasing {
  text: string;
  passage: string;
}

export interface KnowledgeBase {
  passages: KbPassage[];
  search(query: string, limit?: number): KbHit[];
}

// Porter stems of question filler that appears in article headings by accident.
const GENERIC = new Set(['work', 'want', 'need', 'get', 'know', 'tell', 'help', 'pleas', 'thing', 'way']);

// Query expansion for words customers use that the articles never do (the KB says "internationally",
// customers name a country; the KB says "faulty", customers say "broken").
const EXPANSIONS: Array<[RegExp, string]> = [
  [/\b(canada|mexico|uk|england|europe|australia|abroad|overseas|outside the (us|usa|united states)|other countr\w*)\b/i, 'ship internationally deliver'],
  [/\b(broke|broken|defective|dead|busted)\b/i, 'faulty'],
  [/\bmoney back\b/i, 'refund'],
  [/\bsend (it|them|this|that|\w+) back\b|\bbring (it|them) back\b/i, 'return'],
];
const expand = (q: string) => EXPANSIONS.reduce((acc, [re, extra]) => (re.test(q) ? `${acc} ${extra}` : acc), q);

// Topic prior: a question that names a policy topic wants that policy's article over a
// troubleshooting page that merely shares a product word ("return my laptop").
const TOPIC_FILES: Array<[RegExp, string]> = [
  [/\breturn(s|ed|ing)?\b|\bsend (it|them|\w+) back\b/i, 'returns.md'],
  [/\brefund(s|ed)?\b/i, 'refunds.md'],
  [/\bwarrant(y|ies)\b/i, 'warranty.md'],
  [/\b(cancel\w*)\b/i, 'orders-and-cancellation.md'],
  [/\bprice[- ]?match\w*\b/i, 'price-match.md'],
];

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Splits a markdown file into self-contained passages, one per `##` section. */
export function splitMarkdown(file: string, md: string): KbPassage[] {
  const title = /^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? file;
  const parts = md.split(/^##\s+/m).slice(1);
  return parts.map((part) => {
    const [first, ...rest] = part.split('\n');
    const heading = (first ?? '').trim();
    const text = rest.join('\n').trim();
    return { id: `${file}#${slug(heading)}`, file, title, heading, text };
  });
}

export function readPhrasings(file: string): KbPhrasing[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text) as KbPhrasing[];
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as KbPhrasing);
}

/**
 * `phrasingsFile`: customer questions labelled with the passage that answers them (built into
 * generated/kb-phrasings.json by the agents build); they let retrieval match by how customers
 * ask, not only by the article's own words.
 */
export function loadKnowledgeBase(dir: string, opts: { phrasingsFile?: string } = {}): KnowledgeBase {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();
  const passages = files.flatMap((f) => splitMarkdown(f, readFileSync(path.join(dir, f), 'utf8')));
  return createKnowledgeBase(passages, opts.phrasingsFile ? readPhrasings(opts.phrasingsFile) : []);
}

function bm25<T>(docs: T[], fields: (d: T) => Record<string, string>, weights: Record<string, number>) {
  const engine = createBM25();
  engine.defineConfig({ fldWeights: weights, bm25Params: { k1: 1.2, b: 0.75 } });
  engine.definePrepTasks([searchTokens]);
  docs.forEach((d, i) => engine.addDoc(fields(d), i));
  // wink-bm25-text-search needs at least 3 documents to consolidate.
  if (docs.length >= 3) engine.consolidate();
  return docs.length >= 3 ? engine : null;
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim().length > 3);

/**
 * A passage classifier by meaning: naive Bayes (the router's trainer and scorer) over the customer
 * phrasings of each passage plus the passage's own heading and sentences. Trained at load (~0.1 s
 * for ~1,500 phrasings), so the KB and its phrasings can never drift apart.
 */
function passageClassifier(passages: KbPassage[], phrasings: KbPhrasing[]) {
  if (!phrasings.length) return null;
  const examples = [
    ...phrasings.map((p) => ({ text: p.text, intent: p.passage, domain: 'general' as const })),
    ...passages.flatMap((p) => [
      { text: `${p.heading} ${p.title}`, intent: p.id, domain: 'general' as const },
      ...sentences(p.text).map((text) => ({ text, intent: p.id, domain: 'general' as const })),
    ]),
  ];
  const scorer = createNbScorer(parseWinkExport(trainRouter(examples).classifier));
  return (query: string): Map<string, number> => {
    const odds = scorer.score(routerTokens(query));
    const out = new Map<string, number>();
    if (!odds) return out;
    const top = Math.max(...odds);
    let total = 0;
    odds.forEach((o) => (total += Math.pow(2, Math.max(-60, o - top))));
    odds.forEach((o, i) => out.set(scorer.labels[i]!, Math.pow(2, Math.max(-60, o - top)) / total));
    return out;
  };
}

// BM25 score (our KB) that counts as a clear lexical match; below it the classifier is trusted less.
const BM25_CLEAR = 8;
const BM25_SOME = 2;

/**
 * Retrieval by meaning, fused: BM25 over the passages (heading weighted up: headings name the
 * question a section answers) plus a passage classifier trained on the customer phrasings (a BM25
 * over the phrasings as well added 1 point of top-1 for 4× the CPU, so it went). score = 10 × (classifier probability + ½ × BM25 relative to a clear match);
 * a query sharing no topical word with the KB gets little from the classifier, so off-topic
 * questions stay below the answer thresholds. Topic priors re-order near-ties.
 */
export function createKnowledgeBase(passages: KbPassage[], phrasings: KbPhrasing[] = []): KnowledgeBase {
  const engine = bm25(passages, (p) => ({ heading: p.heading, title: p.title, body: p.text }), { heading: 3, title: 1.5, body: 1 })!;
  const index = new Map(passages.map((p, i) => [p.id, i]));
  const usable = phrasings.filter((p) => index.has(p.passage));
  const classify = passageClassifier(passages, usable);
  const firstSection = new Set(passages.flatMap((p, i) => (i === 0 || passages[i - 1]!.file !== p.file ? [i] : [])));
  const memo = new Map<string, KbHit[]>();
  return {
    passages,
    search(query, limit = 3) {
      // A turn asks the KB the same question more than once (ownership check, then the answer).
      const key = `${limit}\u0000${query}`;
      const cached = memo.get(key);
      if (cached) return cached.map((h) => ({ ...h }));
      const hits = rank(query, limit);
      if (memo.size >= 256) memo.delete(memo.keys().next().value!);
      memo.set(key, hits);
      return hits.map((h) => ({ ...h }));
    },
  };
  function rank(query: string, limit: number): KbHit[] {
      // Generic verbs say nothing about the topic but are rare in the articles, so BM25 over-rewards
      // them ("how do refunds work?" must not land on "promo code not working").
      const tokens = searchTokens(expand(query));
      const topical = tokens.filter((t) => !GENERIC.has(t));
      if (!tokens.length) return [];
      const q = (topical.length ? topical : tokens).join(' ');
      const lexical = new Map<number, number>();
      for (const [i, s] of engine.search(q, 12)) lexical.set(Number(i), s * (firstSection.has(Number(i)) ? 1.1 : 1));
      const topLexical = Math.max(0, ...lexical.values());
      const scores = new Map<number, number>();
      if (classify) {
        const trust = topLexical >= BM25_SOME ? 1 : 0.3;
        const norm = Math.max(topLexical, BM25_CLEAR);
        for (const [i, s] of lexical) scores.set(i, 5 * (s / norm));
        for (const [id, p] of classify(`${query} ${expand(query).slice(query.length)}`)) {
          const i = index.get(id);
          if (i !== undefined && p > 0.01) scores.set(i, (scores.get(i) ?? 0) + 10 * p * trust);
        }
      } else for (const [i, s] of lexical) scores.set(i, s);
      const topics = TOPIC_FILES.filter(([re]) => re.test(query)).map(([, file]) => file);
      return [...scores]
        .map(([i, score]) => ({ ...passages[i]!, score: topics.includes(passages[i]!.file) ? score * 1.5 : score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
  }
}
