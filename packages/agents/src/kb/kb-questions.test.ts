import { describe, expect, it } from 'vitest';
import type { Domain } from '@em/contracts/schemas';
import { loadKnowledgeBase } from './kb';
import { EVAL_FILE, KB_DIR, TRAIN_FILE, readKbQuestions, scoreRetrieval } from './kb-eval';

// Which specialist owns each knowledge-base article; every question about it is routed there.
const OWNER: Array<[RegExp, Domain]> = [
  [/^(returns|refunds|warranty|account-help|price-match|troubleshooting-[a-z-]+)\.md$/, 'support'],
  [/^(shipping-and-delivery|orders-and-cancellation)\.md$/, 'logistics'],
  [/^(promotions-and-newsletter|loyalty-and-reviews)\.md$/, 'marketing'],
  [/^payment-methods\.md$/, 'sales'],
  [/^store-hours-and-contact\.md$/, 'general'],
];
const ownerOf = (passage: string) => OWNER.find(([re]) => re.test(passage.split('#')[0]!))?.[1];

const MIN_TRAIN = 12;
const MIN_EVAL = 4;

const kb = loadKnowledgeBase(KB_DIR);
const ids = kb.passages.map((p) => p.id);
const sets = { training: readKbQuestions(TRAIN_FILE), evaluation: readKbQuestions(EVAL_FILE) };

describe.each(Object.entries(sets))('KB question set: %s', (name, rows) => {
  const min = name === 'training' ? MIN_TRAIN : MIN_EVAL;

  it('names only passages that exist in knowledge-base/', () => {
    expect(rows.map((r) => r.passage).filter((p) => !ids.includes(p))).toEqual([]);
  });

  it(`has at least ${min} questions for every passage`, () => {
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.passage, (count.get(r.passage) ?? 0) + 1);
    expect(ids.filter((id) => (count.get(id) ?? 0) < min)).toEqual([]);
  });

  it('labels each question with the domain that owns its article', () => {
    const wrong = rows.filter((r) => r.domain !== ownerOf(r.passage)).map((r) => `${r.passage}: ${r.domain}`);
    expect(wrong).toEqual([]);
  });

  it('has no duplicate questions', () => {
    const seen = new Set<string>();
    const dups = rows.map((r) => r.text.toLowerCase().trim()).filter((t) => seen.has(t) || !seen.add(t));
    expect(dups).toEqual([]);
  });
});

describe('KB question sets together', () => {
  it('covers every article with an owner', () => {
    expect([...new Set(kb.passages.map((p) => p.file))].filter((f) => !ownerOf(`${f}#x`))).toEqual([]);
  });

  it('keeps evaluation questions out of training (case-insensitive)', () => {
    const train = new Set(sets.training.map((r) => r.text.toLowerCase().trim()));
    expect(sets.evaluation.filter((r) => train.has(r.text.toLowerCase().trim())).map((r) => r.text)).toEqual([]);
  });
});

describe('scoreRetrieval', () => {
  it('counts a hit at rank 1 for top-1 and anywhere in the first 3 for top-3', () => {
    const first = kb.passages[0]!;
    const hit = kb.search(first.heading, 3)[0]!.id;
    const miss = ids.find((id) => !kb.search(first.heading, 3).some((h) => h.id === id))!;
    const r = scoreRetrieval(kb, [
      { text: first.heading, passage: hit, domain: 'support' },
      { text: first.heading, passage: miss, domain: 'support' },
    ]);
    expect(r.overall).toEqual({ n: 2, top1: 0.5, top3: 0.5 });
    expect(r.misses.map((m) => m.expected)).toEqual([miss]);
  });
});
