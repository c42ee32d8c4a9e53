// The conversation development set (packages/agents/data/eval/conversations, pnpm eval:conversations)
// as a test: the real graph on a throwaway seeded database, every turn graded against the database
// and the knowledge base. Each class of failure the AI issue lists (catalog, policies, follow-ups,
// orders, escalation, dead ends, typos…) is a category here and must hold on its own.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, validateRefs } from '../../scripts/lib/eval/cases';
import { startInProcess } from '../../scripts/lib/eval/in-process';
import { casePassed, failureLines, summarize, type CaseResult } from '../../scripts/lib/eval/report';
import { runCases } from '../../scripts/lib/eval/run';
import type { Player } from '../../scripts/lib/eval/player';

const cases = loadCases(path.resolve(import.meta.dirname, '../../packages/agents/data/eval/conversations'));
const categories = [...new Set(cases.map((c) => c.category))].sort();
let player: Player;
let results: CaseResult[] = [];

beforeAll(async () => {
  player = await startInProcess();
  validateRefs(cases, player.world);
  results = await runCases(player, cases);
}, 240_000);
afterAll(async () => player?.close());

describe('conversation development set (offline model, real graph, seeded Postgres)', () => {
  it('passes ≥ 92 % of conversations with no leak, escalation recall ≥ 0.95 and ≤ 2 % false escalations', () => {
    const s = summarize(results);
    expect(s.cases).toBeGreaterThanOrEqual(150);
    expect(s.leaks).toBe(0);
    expect(s.passed / s.cases, failureLines(results).join('\n')).toBeGreaterThanOrEqual(0.92);
    expect(s.escalation_recall).toBeGreaterThanOrEqual(0.95);
    expect(s.false_escalations).toBeLessThanOrEqual(0.02);
  });

  it.each(categories)('category %s holds on its own (≥ 85 %)', (category) => {
    const mine = results.filter((r) => r.case.category === category);
    const passed = mine.filter(casePassed).length;
    expect(passed / mine.length, failureLines(mine).join('\n')).toBeGreaterThanOrEqual(0.85);
  });
});
