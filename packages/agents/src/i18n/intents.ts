// The intent model of the German, Spanish and French offline path: multinomial logistic regression
// (router/logreg.ts) over accent-folded words, prefixes and the shared concept map (concepts.ts),
// trained at load on data/i18n/intents-train.jsonl (~120 utterances per language, ~50 ms). The
// evaluation set (data/eval/i18n-intents.jsonl) is separate and never trained on.
import { readFileSync } from 'node:fs';
import { createLogReg, trainLogReg } from '../router/logreg';
import type { Domain } from '@em/contracts/schemas';
import { intentFeatures } from './concepts';
import type { Lang } from './languages';

export const INTENTS = [
  'returns', 'refunds', 'warranty', 'shipping_standard', 'shipping_express', 'shipping_options', 'price_match', 'payment',
  'contact', 'hours', 'order_status', 'promo', 'product_price', 'product_stock', 'human', 'greeting', 'thanks', 'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** The specialist domain each intent belongs to (recorded as the turn's route, as in English). */
export const INTENT_DOMAIN: Record<Intent, Domain> = {
  returns: 'support', refunds: 'support', warranty: 'support', price_match: 'support',
  shipping_standard: 'logistics', shipping_express: 'logistics', shipping_options: 'logistics', order_status: 'logistics',
  payment: 'sales', product_price: 'sales', product_stock: 'sales',
  promo: 'marketing', contact: 'general', hours: 'general', greeting: 'general', thanks: 'general', other: 'general',
  human: 'human',
};

/** English KB passages whose translated facts answer each policy intent. */
export const INTENT_PASSAGES: Partial<Record<Intent, string[]>> = {
  returns: ['returns.md#return-policy-and-return-window', 'returns.md#return-shipping-costs-and-fees'],
  refunds: ['refunds.md#when-a-refund-is-issued', 'refunds.md#where-the-refund-goes'],
  warranty: ['warranty.md#standard-warranty'],
  shipping_standard: ['shipping-and-delivery.md#standard-shipping'],
  shipping_express: ['shipping-and-delivery.md#express-shipping'],
  shipping_options: ['shipping-and-delivery.md#standard-shipping', 'shipping-and-delivery.md#express-shipping'],
  price_match: ['price-match.md#price-match-policy'],
  payment: ['payment-methods.md#accepted-payment-methods'],
  contact: ['store-hours-and-contact.md#how-to-contact-electromart'],
  hours: ['store-hours-and-contact.md#customer-support-hours'],
};

export interface IntentExample {
  lang: Exclude<Lang, 'en'>;
  text: string;
  intent: Intent;
}

export interface IntentScore {
  intent: Intent;
  confidence: number;
  /** Every intent's probability (for "price or stock?" once a product is named). */
  probs: Map<Intent, number>;
}

export interface IntentModel {
  classify(text: string): IntentScore;
}

export function readIntentExamples(file: string): IntentExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as IntentExample);
}

export function trainIntentModel(examples: IntentExample[]): IntentModel {
  const lr = createLogReg(trainLogReg(examples, { epochs: 30, rate: 0.5, l2: 1e-5 }, intentFeatures), intentFeatures);
  return {
    classify(text) {
      const p = lr.predict(text);
      const probs = new Map(lr.labels.map((l, i) => [l as Intent, p[i]!]));
      let best = 0;
      for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
      return { intent: lr.labels[best] as Intent, confidence: p[best]!, probs };
    },
  };
}
