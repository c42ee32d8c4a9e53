// pnpm eval:routing FILE.jsonl — runs the production router over {"text","domain"} lines and prints
// per-domain precision/recall, a confusion matrix, and (last line) accuracy, n and p50 latency.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOMAINS, Domain } from '@em/contracts/schemas';
import { createRouter, loadRouterModel } from '@em/agents/router';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  console.error('usage: pnpm eval:routing FILE.jsonl');
  process.exit(2);
}
const Line = z.object({ text: z.string(), domain: Domain });
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    const r = Line.safeParse(JSON.parse(l));
    if (!r.success) throw new Error(`${file}:${i + 1}: expected {"text","domain"}`);
    return r.data;
  });

const router = createRouter(loadRouterModel());
const confusion = new Map<string, number>();
const times: number[] = [];
let correct = 0;
for (const r of rows) {
  const t0 = process.hrtime.bigint();
  const got = router.route(r.text).domain;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (got === r.domain) correct++;
  confusion.set(`${r.domain}>${got}`, (confusion.get(`${r.domain}>${got}`) ?? 0) + 1);
}
const c = (a: string, b: string) => confusion.get(`${a}>${b}`) ?? 0;
console.log('domain      precision  recall   support');
for (const d of DOMAINS) {
  const tp = c(d, d);
  const predicted = DOMAINS.reduce((s, x) => s + c(x, d), 0);
  const actual = DOMAINS.reduce((s, x) => s + c(d, x), 0);
  const p = predicted ? tp / predicted : 0;
  const rc = actual ? tp / actual : 0;
  console.log(`${d.padEnd(11)} ${p.toFixed(4).padStart(9)} ${rc.toFixed(4).padStart(7)} ${String(actual).padStart(9)}`);
}
console.log('\nconfusion (rows = expected, columns = predicted)');
console.log(''.padEnd(11) + DOMAINS.map((d) => d.slice(0, 9).padStart(10)).join(''));
for (const d of DOMAINS) console.log(d.padEnd(11) + DOMAINS.map((x) => String(c(d, x)).padStart(10)).join(''));
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length / 2)] ?? 0;
console.log(`accuracy: ${(correct / rows.length).toFixed(4)} n=${rows.length} p50_ms=${p50.toFixed(2)}`);
