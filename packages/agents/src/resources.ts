import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from './kb/kb';
import { loadLexicon, type Lexicon } from './lexicon/lexicon';
import { createShopSpeller, type Speller } from './lexicon/speller';
import { createRouter, loadRouterModel, type IntentRouter } from './router/router';
import { readIntentExamples, trainIntentModel } from './i18n/intents';
import { loadTranslatedFacts } from './i18n/kb-facts';
import type { LocalizedResources } from './i18n/resources';

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
 * The shop's own phrasings (the router's training utterances), which the worker's JIT warm-up runs
 * (graph/warm-up.ts). Found beside the router model's folder like the intent examples below.
 */
export const warmUpTextsFile = (routerModelPath: string) => path.join(path.dirname(routerModelPath), '..', 'data', 'electromart-utterances.jsonl');

/**
 * Everything the offline model loads once per process, from the KB folder and the build's
 * generated/ folder (router model, KB phrasings, lexicon). One place, so the worker, the tests
 * and the evals build the same AI.
 */
export function loadAiResources(opts: { kbDir: string; routerModelPath: string; intentsFile?: string }): AiResources {
  const generated = path.dirname(opts.routerModelPath);
  // Found from the router model's folder (packages/agents/generated → packages/agents/data), not from
  // this module's URL: bundled into apps/worker/dist, import.meta.url points elsewhere.
  const intentsFile = opts.intentsFile ?? path.join(generated, '..', 'data', 'i18n', 'intents-train.jsonl');
  const lexiconFile = path.join(generated, 'lexicon.bin');
  const lexicon = existsSync(lexiconFile) ? loadLexicon(lexiconFile) : undefined;
  const kb = loadKnowledgeBase(opts.kbDir, { phrasingsFile: path.join(generated, 'kb-phrasings.json') });
  return {
    router: createRouter(loadRouterModel(opts.routerModelPath)),
    kb,
    i18n: {
      intents: trainIntentModel(readIntentExamples(intentsFile)),
      facts: loadTranslatedFacts(path.join(opts.kbDir, 'i18n'), kb.passages),
    },
    ...(lexicon ? { lexicon, speller: createShopSpeller(lexicon) } : {}),
  };
}
