// Build step: trains the offline router on 80% of the data and writes the model plus the
// stratified 20% hold-out that `pnpm eval:routing` reads. Deterministic: same data → same files.
import { mkdirSync, writeFileSync } from 'node:fs';
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
console.log(`router trained on ${train.length} utterances → ${path.relative(process.cwd(), out)}; hold-out ${holdout.length}`);
