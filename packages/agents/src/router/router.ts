/// <reference path="../wink.d.ts" />
import { readFileSync } from 'node:fs';
import path from 'node:path';
import createClassifier from 'wink-naive-bayes-text-classifier';
import type { Domain, Route } from '@em/contracts/schemas';
import { routerTokens } from '../text/prepare';
import type { RouterModel } from './train';
import { dataDir } from './dataset';

export interface IntentRouter {
  route(text: string): Route;
}

/**
 * The offline router: naive Bayes over stemmed uni+bigrams. wink gives one-vs-rest log2 odds per
 * intent; we softmax them, sum them per domain, and report the top domain's share
 * as the confidence (so a message torn between two domains gets a low one and is clarified).
 */
export function createRouter(model: RouterModel): IntentRouter {
  const nb = createClassifier();
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  nb.definePrepTasks([routerTokens]);
  nb.importJSON(model.classifier);
  nb.consolidate();
  return {
    route(text: string): Route {
      const odds = nb.computeOdds(text);
      if (odds.length === 1 && odds[0]?.[0] === 'unknown') return { domain: 'general', confidence: 0, intent: 'unknown' };
      // Softmax over the log2 odds: a clear winner gets ~1, a message torn between intents of
      // different domains splits its mass between them.
      const top = odds[0]![1];
      const perDomain = new Map<Domain, number>();
      let total = 0;
      for (const [intent, o] of odds) {
        const p = Math.pow(2, Math.max(-60, o - top));
        const d = model.intentToDomain[intent] ?? 'general';
        perDomain.set(d, (perDomain.get(d) ?? 0) + p);
        total += p;
      }
      let best: Domain = 'general';
      let bestP = -1;
      for (const [d, p] of perDomain) if (p > bestP) [best, bestP] = [d, p];
      const topIntent = odds.find(([i]) => model.intentToDomain[i] === best)?.[0];
      return { domain: best, confidence: total > 0 ? Number((bestP / total).toFixed(4)) : 0, intent: topIntent };
    },
  };
}

export const defaultModelPath = () => path.resolve(dataDir(), '../generated/router-model.json');

export function loadRouterModel(file = defaultModelPath()): RouterModel {
  return JSON.parse(readFileSync(file, 'utf8')) as RouterModel;
}
