// pnpm eval:complaints [FILE.jsonl] — runs detectComplaint over labelled lines
// {"text","history"?,"level","kinds"?} (default: data/eval/complaints-dev.jsonl) and prints escalation
// precision/recall, the false-escalation rate among non-escalate lines, a confusion matrix over the three
// levels, the misses, and (last line) one JSON object with the headline numbers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { detectComplaint, type ComplaintSignal } from './complaint';

const LEVELS = ['none', 'complaint', 'escalate'] as const;
const KINDS = ['chargeback', 'legal', 'repeat_contact', 'damaged', 'abuse', 'churn_threat', 'strong_anger', 'safety', 'fraud'] as const;
const Line = z.object({
  text: z.string(),
  history: z.array(z.object({ role: z.enum(['customer', 'bot']), text: z.string() })).optional(),
  level: z.enum(LEVELS),
  kinds: z.array(z.enum(KINDS)).optional(),
});
type Row = z.infer<typeof Line>;

const file = process.argv.slice(2).find((a) => a !== '--') ?? fileURLToPath(new URL('../../data/eval/complaints-dev.jsonl', import.meta.url));
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const r = Line.safeParse(JSON.parse(l));
    if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues[0]?.message ?? 'bad line'}`);
    return r.data;
  });

const confusion = new Map<string, number>();
const cell = (a: string, b: string) => confusion.get(`${a}>${b}`) ?? 0;
const misses: Array<{ row: Row; got: ComplaintSignal }> = [];
const times: number[] = [];
let kindHits = 0;
let kindTotal = 0;
// One untimed pass first, so the latency below is steady state (JIT-compiled regexes), not start-up.
for (const row of rows) detectComplaint(row.text, row.history);
for (const row of rows) {
  const t0 = process.hrtime.bigint();
  const got = detectComplaint(row.text, row.history);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  confusion.set(`${row.level}>${got.level}`, cell(row.level, got.level) + 1);
  if (got.level !== row.level) misses.push({ row, got });
  // Kinds are scored only where both sides escalate: that is where the console shows them.
  if (row.level === 'escalate' && got.level === 'escalate' && row.kinds?.length) {
    kindTotal += row.kinds.length;
    kindHits += row.kinds.filter((k) => got.kinds.includes(k)).length;
  }
}

const tp = cell('escalate', 'escalate');
const predicted = LEVELS.reduce((s, l) => s + cell(l, 'escalate'), 0);
const actual = LEVELS.reduce((s, l) => s + cell('escalate', l), 0);
const nonEscalate = rows.length - actual;
const falseEsc = predicted - tp;
const round = (x: number) => Math.round(x * 10000) / 10000;
const summary = {
  n: rows.length,
  escalate_precision: round(predicted ? tp / predicted : 0),
  escalate_recall: round(actual ? tp / actual : 0),
  false_escalation_rate: round(nonEscalate ? falseEsc / nonEscalate : 0),
  accuracy: round(LEVELS.reduce((s, l) => s + cell(l, l), 0) / rows.length),
};

const show = (r: Row, g: ComplaintSignal) =>
  `  [${r.level} → ${g.level} ${g.score}] ${JSON.stringify(r.text)}${r.history ? ` (+${r.history.length} turns)` : ''}\n      cues: ${g.cues.join('; ') || '—'}`;
console.log(`file: ${file}`);
console.log(`escalate  precision ${summary.escalate_precision.toFixed(4)}  recall ${summary.escalate_recall.toFixed(4)}  support ${actual}`);
console.log(`false escalations: ${falseEsc} of ${nonEscalate} non-escalate lines (${(summary.false_escalation_rate * 100).toFixed(2)} %)`);
console.log(`kinds named on escalations both sides agree on: ${kindHits}/${kindTotal}`);
console.log('\nconfusion (rows = expected, columns = predicted)');
console.log(''.padEnd(11) + LEVELS.map((l) => l.padStart(10)).join(''));
for (const l of LEVELS) console.log(l.padEnd(11) + LEVELS.map((x) => String(cell(l, x)).padStart(10)).join(''));
console.log(`\nmisses (${misses.length}):`);
for (const { row, got } of misses) console.log(show(row, got));
// Wall-clock per call is inflated when other processes share the CPU; CPU time over repeated passes is not.
const REPEAT = 10;
const cpu0 = process.cpuUsage();
for (let k = 0; k < REPEAT; k++) for (const row of rows) detectComplaint(row.text, row.history);
const cpu = process.cpuUsage(cpu0);
const cpuMsPerMessage = (cpu.user + cpu.system) / 1000 / (REPEAT * rows.length);
times.sort((a, b) => a - b);
const pct = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(3);
console.log(`\nlatency per message (ms, with history, warm): wall p50 ${pct(0.5)}  p95 ${pct(0.95)}  max ${pct(1)}; mean CPU ${cpuMsPerMessage.toFixed(3)}`);
console.log(JSON.stringify(summary));
