import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from './kb/kb';
import { loadLexicon, type Lexicon } from './lexicon/lexicon';
import { createShopSpeller, type Speller } from './lexicon/speller';
import { createRouter, loadRouterModel, type IntentRouter } from './router/router';
import { dataDir } from './router/dataset';
import { readIntentExamples, trainIntentModel } from './i18n/intents';
import { loadTranslatedFacts } from './i18n/kb-facts';
import type { LocalizedResources } from './i18n/localized';

export interface AiResources {
  router: IntentRouter;
  kb: KnowledgeBase;
  /** Word vectors + the shop's vocabulary (generated/lexicon.bin); absent in a build without it. */
  lexicon?: Lexicon;
  speller?: Speller;
  /** German, Spanish and French: intent model (trained at load) and translated KB facts (knowledge-base/i18n). */
  i18n: LocalizedResources;
}

/**
 * Everything the offline model loads once per process, from the KB folder and the build's
 * generated/ folder (router model, KB phrasings, lexicon). One place, so the worker, the tests
 * and the evals build the same AI.
 */
export function loadAiResources(opts: { kbDir: string; routerModelPath: string }): AiResources {
  const generated = path.dirname(opts.routerModelPath);
  const lexiconFile = path.join(generated, 'lexicon.bin');
  const lexicon = existsSync(lexiconFile) ? loadLexicon(lexiconFile) : undefined;
  const kb = loadKnowledgeBase(opts.kbDir, { phrasingsFile: path.join(generated, 'kb-phrasings.json') });
  return {
    router: createRouter(loadRouterModel(opts.routerModelPath)),
    kb,
    i18n: {
      intents: trainIntentModel(readIntentExamples(path.join(dataDir(), 'i18n/intents-train.jsonl'))),
      facts: loadTranslatedFacts(path.join(opts.kbDir, 'i18n'), kb.passages),
    },
    ...(lexicon ? { lexicon, speller: createShopSpeller(lexicon) } : {}),
  };
}
