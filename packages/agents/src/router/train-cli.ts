// Build step: trains the offline router on 80% of the data and writes the model plus the
// stratified 20% hold-out that `pnpm eval:routing` reads. Deterministic: same data → same files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, loadExamples, splitHoldout } from './dataset';
import { trainRouter } from './train';
import { defaultModelPath } from './router';

const { train, holdout } = splitHoldout(loadExamples());
const model = trainRouter(train);
const out = defaultModelPath();
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(model));
const holdoutFile = path.join(dataDir(), 'eval/routing-holdout.jsonl');
mkdirSync(path.dirname(holdoutFile), { recursive: true });
writeFileSync(holdoutFile, holdout.map((e) => JSON.stringify({ text: e.text, domain: e.domain })).join('\n') + '\n');
// The KB retriever's customer phrasings ship next to the router model (the worker reads only generated/).
const phrasings = path.join(dataDir(), 'kb-questions.jsonl');
if (existsSync(phrasings)) {
  const rows = readFileSync(phrasings, 'utf8').split('\n').filter((l) => l.trim()).map((l) => { const { text, passage } = JSON.parse(l) as { text: string; passage: string }; return { text, passage }; });
  writeFileSync(path.join(path.dirname(out), 'kb-phrasings.json'), JSON.stringify(rows));
}
console.log(`router trained on ${train.length} utterances → ${path.relative(process.cwd(), out)}; hold-out ${holdout.length}`);
