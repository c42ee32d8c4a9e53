import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readIntentExamples, trainIntentModel } from './intents';
import { withProductSlot } from './localized';
import { intentFeatures } from './concepts';

const data = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

describe('multilingual intent model', () => {
  const model = trainIntentModel(readIntentExamples(path.join(data, 'i18n/intents-train.jsonl')));
  const held = readIntentExamples(path.join(data, 'eval/i18n-intents.jsonl'));

  it('the evaluation set is separate from the training set', () => {
    const train = new Set(readIntentExamples(path.join(data, 'i18n/intents-train.jsonl')).map((e) => e.text.toLowerCase()));
    expect(held.filter((e) => train.has(e.text.toLowerCase()))).toEqual([]);
    for (const lang of ['de', 'es', 'fr']) expect(held.filter((e) => e.lang === lang).length).toBeGreaterThanOrEqual(40);
  });

  it('reaches ≥ 0.9 on the held-out utterances of each language', () => {
    for (const lang of ['de', 'es', 'fr']) {
      const set = held.filter((e) => e.lang === lang);
      const ok = set.filter((e) => model.classify(e.text).intent === e.intent).length;
      expect(ok / set.length).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('the concept map lets word forms of one language meet those of another', () => {
    expect(intentFeatures('Rücksendung')).toContain('c:return');
    expect(intentFeatures('devolución')).toContain('c:return');
    expect(intentFeatures('retourner')).toContain('c:return');
  });

  it('named products become one slot, as in training', () => {
    const catalog = [{ sku: 'A', name: 'Voltra UltraBook 14', brand: 'Voltra' }];
    expect(withProductSlot('Was kostet der Voltra UltraBook 14?', ['A'], catalog)).toBe('Was kostet der {product} ?');
  });
});
