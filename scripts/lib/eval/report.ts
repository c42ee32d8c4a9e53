// Aggregates graded turns into the contract's last-line JSON (DESIGN §10) and the human-readable
// failure list and per-category table printed above it.
import type { Case } from './case-schema';
import type { Observation, TurnGrade } from './check';

export interface CaseResult {
  case: Case;
  turns: Array<{ obs: Observation; grade: TurnGrade }>;
}

export interface Summary {
  cases: number;
  passed: number;
  fact_accuracy: number;
  leaks: number;
  escalation_recall: number;
  false_escalations: number;
  route_accuracy: number;
  p50_ms: number;
  p95_ms: number;
}

export const casePassed = (r: CaseResult) => r.turns.every((t) => t.grade.failures.length === 0);

/** Nearest-rank percentile of a sorted list (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ratio = (num: number, den: number, empty: number) => (den ? Number((num / den).toFixed(4)) : empty);

export function summarize(results: CaseResult[]): Summary {
  const turns = results.flatMap((r) => r.turns);
  const factsTotal = turns.reduce((s, t) => s + t.grade.factsTotal, 0);
  const factsMet = turns.reduce((s, t) => s + t.grade.factsMet, 0);
  const escExpected = turns.filter((t) => t.grade.escalationExpected);
  const notExpected = turns.filter((t) => !t.grade.escalationExpected);
  const routed = turns.filter((t) => t.grade.routeExpected !== undefined);
  // Latency of turns that got an answer; a dead end has no latency to speak of.
  const ms = turns
    .filter((t) => t.obs.replied)
    .map((t) => t.obs.latencyMs)
    .sort((a, b) => a - b);
  return {
    cases: results.length,
    passed: results.filter(casePassed).length,
    fact_accuracy: ratio(factsMet, factsTotal, 1),
    leaks: turns.filter((t) => t.grade.leaked).length,
    escalation_recall: ratio(escExpected.filter((t) => t.grade.escalated).length, escExpected.length, 1),
    false_escalations: ratio(notExpected.filter((t) => t.grade.escalated).length, notExpected.length, 0),
    route_accuracy: ratio(routed.filter((t) => t.grade.routeOk).length, routed.length, 1),
    p50_ms: Number(percentile(ms, 50).toFixed(1)),
    p95_ms: Number(percentile(ms, 95).toFixed(1)),
  };
}

const clip = (s: string, n: number) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};

/** Failed turns (with `all`, passed turns too, marked ✓), each with what was said and the reply. */
export function failureLines(results: CaseResult[], opts: { replyChars?: number; all?: boolean } = {}): string[] {
  const replyChars = opts.replyChars ?? 220;
  const lines: string[] = [];
  for (const r of results) {
    r.turns.forEach((t, i) => {
      if (!t.grade.failures.length && !opts.all) return;
      lines.push(t.grade.failures.length ? `✗ ${r.case.id} turn ${i + 1}: ${t.grade.failures.join('; ')}` : `✓ ${r.case.id} turn ${i + 1}`);
      lines.push(`    said:  ${clip(r.case.turns[i]!.say, 120)}`);
      lines.push(`    reply: ${t.obs.replied ? clip(t.obs.text, replyChars) : '(none)'}${t.obs.route ? `  [route ${t.obs.route}]` : ''}`);
    });
  }
  return lines;
}

export function categoryTable(results: CaseResult[]): string[] {
  const byCat = new Map<string, { cases: number; passed: number }>();
  for (const r of results) {
    const row = byCat.get(r.case.category) ?? { cases: 0, passed: 0 };
    row.cases++;
    if (casePassed(r)) row.passed++;
    byCat.set(r.case.category, row);
  }
  const lines = ['category              cases  passed   rate'];
  for (const [cat, row] of [...byCat].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${cat.padEnd(20)} ${String(row.cases).padStart(6)} ${String(row.passed).padStart(7)} ${(row.passed / row.cases).toFixed(2).padStart(6)}`);
  }
  const all = results.length;
  const ok = results.filter(casePassed).length;
  lines.push(`${'total'.padEnd(20)} ${String(all).padStart(6)} ${String(ok).padStart(7)} ${(all ? ok / all : 0).toFixed(2).padStart(6)}`);
  return lines;
}
