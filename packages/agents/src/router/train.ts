/// <reference path="../wink.d.ts" />
import createClassifier from 'wink-naive-bayes-text-classifier';
import type { Domain } from '@em/contracts/schemas';
import { routerTokens } from '../text/prepare';
import type { Example } from './dataset';
import { trainLogReg, type LogRegModel } from './logreg';

export interface RouterModel {
  version: 1;
  /** wink-naive-bayes-text-classifier export. */
  classifier: string;
  intentToDomain: Record<string, Domain>;
  trainedOn: number;
  /** Logistic regression over the same intents (ensembled with NB in router.ts). */
  logreg?: LogRegModel;
}

export function trainRouter(examples: Example[], opts: { logreg?: boolean } = {}): RouterModel {
  const nb = createClassifier();
  // Presence (not counts) and light smoothing suit short utterances.
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  nb.definePrepTasks([routerTokens]);
  const intentToDomain: Record<string, Domain> = {};
  for (const e of examples) {
    nb.learn(e.text, e.intent);
    intentToDomain[e.intent] = e.domain;
  }
  nb.consolidate();
  return { version: 1, classifier: nb.exportJSON(), intentToDomain, trainedOn: examples.length, ...(opts.logreg === false ? {} : { logreg: trainLogReg(examples) }) };
}
