import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from './kb/kb';
import { loadLexicon, type Lexicon } from './lexicon/lexicon';
import { createShopSpeller, type Speller } from './lexicon/speller';
import { createRouter, loadRouterModel, type IntentRouter } from './router/router';

export interface AiResources {
  router: IntentRouter;
  kb: KnowledgeBase;
  /** Word vectors + the shop's vocabulary (generated/lexicon.bin); absent in a build without it. */
  lexicon?: Lexicon;
  speller?: Speller;
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
  return {
    router: createRouter(loadRouterModel(opts.routerModelPath)),
    kb: loadKnowledgeBase(opts.kbDir, { phrasingsFile: path.join(generated, 'kb-phrasings.json') }),
    ...(lexicon ? { lexicon, speller: createShopSpeller(lexicon) } : {}),
  };
}
