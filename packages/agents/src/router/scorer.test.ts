/// <reference path="../wink.d.ts" />
import createClassifier from 'wink-naive-bayes-text-classifier';
import { describe, expect, it } from 'vitest';
import { routerTokens } from '../text/prepare';
import { loadRouterModel } from './router';
import { createNbScorer, parseWinkExport } from './scorer';

const model = loadRouterModel();

describe('precomputed naive Bayes scorer', () => {
  it('gives exactly wink computeOdds for the trained model', () => {
    const nb = createClassifier();
    nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
    nb.definePrepTasks([routerTokens]);
    nb.importJSON(model.classifier);
    nb.consolidate();
    const scorer = createNbScorer(parseWinkExport(model.classifier));
    for (const text of ['where is my order EM-10001', 'how much is the nimbus x5', 'I want a refund now!!', 'talk to a human please', 'hello']) {
      const ours = scorer.score(routerTokens(text))!;
      const theirs = new Map(nb.computeOdds(text));
      scorer.labels.forEach((l, i) => expect(ours[i]).toBeCloseTo(theirs.get(l)!, 9));
    }
  });

  it('returns null when no token is in the vocabulary', () => {
    expect(createNbScorer(parseWinkExport(model.classifier)).score(['zzqx', 'vvbn'])).toBeNull();
  });
});
