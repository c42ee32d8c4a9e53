// pnpm eval:kb [FILE.jsonl] [--misses] [--phrasings[=FILE]] — runs the production `kb.search` over
// {"text","passage","domain"} lines (default: the held-out data/eval/kb-questions-eval.jsonl) and prints
// top-1 / top-3 passage accuracy per article and overall; the last line is JSON {"n","top1","top3"} so
// other scripts can parse it. --misses also lists every question whose top-1 hit is wrong.
// --phrasings loads the KB the way the worker does, with customer phrasings (default: the training
// file data/kb-questions.jsonl); without it, the KB is searched by its own words only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Domain } from '@em/contracts/schemas';
import { loadKnowledgeBase, type KnowledgeBase } from './kb';

const here = path.dirname(fileURLToPath(import.meta.url));
export const KB_DIR = path.resolve(here, '../../../../knowledge-base');
export const TRAIN_FILE = path.resolve(here, '../../data/kb-questions.jsonl');
export const EVAL_FILE = path.resolve(here, '../../data/eval/kb-questions-eval.jsonl');

export const KbQuestion = z.object({
  text: z.string().trim().min(1),
  /** `${file}#${slug(heading)}`, as KbPassage.id. */
  passage: z.string().regex(/^[a-z0-9-]+\.md#[a-z0-9-]+$/),
  domain: Domain,
});
export type KbQuestion = z.infer<typeof KbQuestion>;

/** Parses a JSONL file of questions; throws with file:line on the first malformed line. */
export function readKbQuestions(file: string): KbQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, no]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${no}: not JSON`);
      }
      const r = KbQuestion.safeParse(json);
      if (!r.success) throw new Error(`${file}:${no}: expected {"text","passage","domain"}: ${r.error.message}`);
      return r.data;
    });
}

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
}
export interface Miss {
  text: string;
  expected: string;
  got: string[];
}

/** Top-1 / top-3 passage accuracy of `kb.search` (fractions, 4 decimals), overall and per article file. */
export function scoreRetrieval(kb: KnowledgeBase, rows: KbQuestion[]) {
  const tally = new Map<string, { n: number; top1: number; top3: number }>();
  const misses: Miss[] = [];
  for (const r of rows) {
    const got = kb.search(r.text, 3).map((h) => h.id);
    for (const key of ['*', r.passage.split('#')[0]!]) {
      const t = tally.get(key) ?? { n: 0, top1: 0, top3: 0 };
      t.n++;
      if (got[0] === r.passage) t.top1++;
      if (got.includes(r.passage)) t.top3++;
      tally.set(key, t);
    }
    if (got[0] !== r.passage) misses.push({ text: r.text, expected: r.passage, got });
  }
  const frac = (t: { n: number; top1: number; top3: number }): Accuracy => ({
    n: t.n,
    top1: Number((t.top1 / (t.n || 1)).toFixed(4)),
    top3: Number((t.top3 / (t.n || 1)).toFixed(4)),
  });
  const perArticle = [...tally].filter(([k]) => k !== '*').sort(([a], [b]) => a.localeCompare(b));
  return {
    overall: frac(tally.get('*') ?? { n: 0, top1: 0, top3: 0 }),
    perArticle: perArticle.map(([file, t]) => ({ file, ...frac(t) })),
    misses,
  };
}

function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const file = args.find((a) => !a.startsWith('--')) ?? EVAL_FILE;
  const phrasingsArg = args.find((a) => a === '--phrasings' || a.startsWith('--phrasings='));
  const phrasingsFile = phrasingsArg && (phrasingsArg.split('=')[1] || TRAIN_FILE);
  if (phrasingsFile && path.resolve(phrasingsFile) === path.resolve(file)) {
    console.error('warning: scoring the phrasings file against itself measures recall of training data, not retrieval');
  }
  const kb = loadKnowledgeBase(KB_DIR, phrasingsFile ? { phrasingsFile } : {});
  console.log(`kb: ${kb.passages.length} passages; phrasings: ${phrasingsFile ? path.relative(process.cwd(), phrasingsFile) : 'none'}`);
  const known = new Set(kb.passages.map((p) => p.id));
  const rows = readKbQuestions(file);
  const unknown = rows.filter((r) => !known.has(r.passage));
  if (unknown.length) throw new Error(`${file}: passages not in knowledge-base/: ${[...new Set(unknown.map((r) => r.passage))].join(', ')}`);

  const { overall, perArticle, misses } = scoreRetrieval(kb, rows);
  if (args.includes('--misses')) {
    for (const m of misses) console.log(`MISS ${JSON.stringify(m.text)}\n  want ${m.expected}\n  got  ${m.got.join(' | ') || '(nothing)'}`);
    console.log('');
  }
  console.log('article                            n    top1    top3');
  for (const a of perArticle) {
    console.log(`${a.file.padEnd(32)} ${String(a.n).padStart(4)}  ${a.top1.toFixed(4)}  ${a.top3.toFixed(4)}`);
  }
  console.log(`${'overall'.padEnd(32)} ${String(overall.n).padStart(4)}  ${overall.top1.toFixed(4)}  ${overall.top3.toFixed(4)}`);
  console.log(JSON.stringify(overall));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
