import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Domain, Route } from '@em/contracts/schemas';
import { routerTokens } from '../text/prepare';
import type { RouterModel } from './train';
import { dataDir } from './dataset';
import { createNbScorer, parseWinkExport } from './scorer';

export interface IntentRouter {
  route(text: string): Route;
  /** Every domain's share of the probability mass, best first (for "are two readings close?"). */
  domains(text: string): Array<[Domain, number]>;
}

/**
 * The offline router: naive Bayes over stemmed uni+bigrams, trained with wink and scored by our
 * precomputed scorer (same odds, ~20× faster). We softmax the one-vs-rest log2 odds per intent,
 * sum them per domain, and report the top domain's share as the confidence (so a message torn
 * between two domains gets a low one and is clarified).
 */
export function createRouter(model: RouterModel): IntentRouter {
  const scorer = createNbScorer(parseWinkExport(model.classifier));
  const labels = scorer.labels;
  const domainOf = labels.map((l) => model.intentToDomain[l] ?? 'general');
  const domains = (text: string): Array<[Domain, number]> => {
    const odds = scorer.score(routerTokens(text));
    if (!odds) return [];
    const top = Math.max(...odds);
    const per = new Map<Domain, number>();
    let total = 0;
    odds.forEach((o, i) => {
      const p = Math.pow(2, Math.max(-60, o - top));
      per.set(domainOf[i]!, (per.get(domainOf[i]!) ?? 0) + p);
      total += p;
    });
    return [...per].map(([d, p]) => [d, p / total] as [Domain, number]).sort((a, b) => b[1] - a[1]);
  };
  return {
    domains,
    route(text: string): Route {
      const odds = scorer.score(routerTokens(text));
      if (!odds) return { domain: 'general', confidence: 0, intent: 'unknown' };
      let top = -Infinity;
      let topIdx = 0;
      for (let i = 0; i < odds.length; i++) if (odds[i]! > top) [top, topIdx] = [odds[i]!, i];
      // Softmax over the log2 odds: a clear winner gets ~1, a message torn between intents of
      // different domains splits its mass between them.
      const perDomain = new Map<Domain, number>();
      const bestIntent = new Map<Domain, [string, number]>();
      let total = 0;
      for (let i = 0; i < odds.length; i++) {
        const p = Math.pow(2, Math.max(-60, odds[i]! - top));
        const d = domainOf[i]!;
        perDomain.set(d, (perDomain.get(d) ?? 0) + p);
        if ((bestIntent.get(d)?.[1] ?? -Infinity) < odds[i]!) bestIntent.set(d, [labels[i]!, odds[i]!]);
        total += p;
      }
      let best: Domain = domainOf[topIdx]!;
      let bestP = -1;
      for (const [d, p] of perDomain) if (p > bestP) [best, bestP] = [d, p];
      return { domain: best, confidence: total > 0 ? Number((bestP / total).toFixed(4)) : 0, intent: bestIntent.get(best)?.[0] };
    },
  };
}

export const defaultModelPath = () => path.resolve(dataDir(), '../generated/router-model.json');

export function loadRouterModel(file = defaultModelPath()): RouterModel {
  return JSON.parse(readFileSync(file, 'utf8')) as RouterModel;
}
