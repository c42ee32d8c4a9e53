// One-off import: turns the shared Bitext CSV into the compact JSONL the router trains on,
// so builds (and Docker images) do not depend on ../shared being present.
// Usage: pnpm tsx scripts/import-bitext.ts [../shared/data/bitext]
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const src = path.resolve(process.argv[2] ?? '../shared/data/bitext');
const out = path.resolve('packages/agents/data/bitext');
const rows: Array<{ instruction: string; intent: string }> = parse(readFileSync(path.join(src, 'customer-support-training.csv')), {
  columns: true,
  skip_empty_lines: true,
});
const map = JSON.parse(readFileSync(path.join(src, 'intent-to-domain.json'), 'utf8')) as { map: Record<string, string> };
const lines = rows
  .filter((r) => map.map[r.intent])
  .map((r) => JSON.stringify({ text: r.instruction.trim(), intent: r.intent, domain: map.map[r.intent] }));
writeFileSync(path.join(out, 'utterances.jsonl'), lines.join('\n') + '\n');
writeFileSync(path.join(out, 'intent-to-domain.json'), JSON.stringify(map, null, 2) + '\n');
copyFileSync(path.join(src, 'LICENSE.txt'), path.join(out, 'LICENSE.txt'));
copyFileSync(path.join(src, 'README.md'), path.join(out, 'README.md'));
console.log(`imported ${lines.length} utterances from ${rows.length} rows`);
