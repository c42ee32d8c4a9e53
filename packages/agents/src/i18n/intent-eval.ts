// tsx packages/agents/src/i18n/intent-eval.ts — accuracy of the German/Spanish/French intent model
// on the held-out utterances (data/eval/i18n-intents.jsonl), per language, and the confusions.
// Last line: {"de":…,"es":…,"fr":…,"n":…}.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIntentExamples, trainIntentModel } from './intents';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const model = trainIntentModel(readIntentExamples(path.join(data, 'i18n/intents-train.jsonl')));
const evalSet = readIntentExamples(path.join(data, 'eval/i18n-intents.jsonl'));
const byLang = new Map<string, { n: number; ok: number }>();
for (const e of evalSet) {
  const got = model.classify(e.text);
  const row = byLang.get(e.lang) ?? { n: 0, ok: 0 };
  row.n++;
  if (got.intent === e.intent) row.ok++;
  else console.log(`✗ [${e.lang}] ${e.text}  expected ${e.intent}, got ${got.intent} (${got.confidence.toFixed(2)})`);
  byLang.set(e.lang, row);
}
const summary: Record<string, number> = {};
for (const [lang, r] of byLang) {
  summary[lang] = Number((r.ok / r.n).toFixed(4));
  console.log(`${lang}: ${r.ok}/${r.n}`);
}
console.log(JSON.stringify({ ...summary, n: evalSet.length }));
