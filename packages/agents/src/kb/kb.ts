/// <reference path="../wink.d.ts" />
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import createBM25 from 'wink-bm25-text-search';
import { searchTokens } from '../text/prepare';

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
];
const expand = (q: string) => EXPANSIONS.reduce((acc, [re, extra]) => (re.test(q) ? `${acc} ${extra}` : acc), q);

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

export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md').sort();
  const passages = files.flatMap((f) => splitMarkdown(f, readFileSync(path.join(dir, f), 'utf8')));
  return createKnowledgeBase(passages);
}

/**
 * BM25F over heading (weighted up: headings name the question a section answers), title and body.
 * wink-bm25-text-search needs at least 3 documents to consolidate.
 */
export function createKnowledgeBase(passages: KbPassage[]): KnowledgeBase {
  const engine = createBM25();
  engine.defineConfig({ fldWeights: { heading: 3, title: 1.5, body: 1 }, bm25Params: { k1: 1.2, b: 0.75 } });
  engine.definePrepTasks([searchTokens]);
  passages.forEach((p, i) => engine.addDoc({ heading: p.heading, title: p.title, body: p.text }, i));
  engine.consolidate();
  const firstSection = new Set(passages.flatMap((p, i) => (i === 0 || passages[i - 1]!.file !== p.file ? [i] : [])));
  return {
    passages,
    search(query, limit = 3) {
      // Generic verbs say nothing about the topic but are rare in the articles, so BM25 over-rewards
      // them ("how do refunds work?" must not land on "promo code not working").
      const tokens = searchTokens(expand(query));
      const topical = tokens.filter((t) => !GENERIC.has(t));
      query = (topical.length ? topical : tokens).join(' ');
      if (!tokens.length) return [];
      // The first section of an article is its summary: on near-ties it is the better answer.
      return engine
        .search(query, limit + 2)
        .map(([i, score]) => ({ ...passages[Number(i)]!, score: firstSection.has(Number(i)) ? score * 1.1 : score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
  };
}
