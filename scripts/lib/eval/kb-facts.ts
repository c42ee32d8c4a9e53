// The KB facts cases may name ({"kb": "returns window"}), each the literal(s) a correct answer
// must contain, read from knowledge-base/*.md. At start-up every literal is checked to still occur
// in its source file, so an edited KB fails the eval loudly instead of grading against stale facts.
// Literals go through literalPattern: "30 days" also matches "30-day", "3-5" also "3–5" / "3 to 5".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { containsLiteral } from './match';

export interface KbFact {
  /** knowledge-base file the literals come from. */
  source: string;
  /** Every one must appear… */
  all?: string[];
  /** …and at least one of these. */
  any?: string[];
}

export const KB_FACTS: Record<string, KbFact> = {
  'returns window': { source: 'returns.md', any: ['30 days'] },
  'return shipping free': { source: 'returns.md', any: ['return shipping is free', 'prepaid label', 'prepaid return label', 'free return'] },
  'start a return': { source: 'returns.md', any: ['Return an item', 'prepaid return label', 'return label'] },
  'no restocking fee': { source: 'returns.md', any: ['restocking fee'] },
  'damaged report window': { source: 'returns.md', any: ['7 days'] },
  'exchange': { source: 'returns.md', all: ['new order'] },
  'earbuds hygiene': { source: 'returns.md', any: ['hygiene'] },
  'refund time': { source: 'refunds.md', any: ['5-7 business days'] },
  'refund to original method': { source: 'refunds.md', any: ['original payment method', 'same card', 'original card'] },
  'bank delay': { source: 'refunds.md', any: ['2-3 business days'] },
  'standard shipping time': { source: 'shipping-and-delivery.md', any: ['3-5 business days'] },
  'free shipping threshold': { source: 'shipping-and-delivery.md', any: ['$50'] },
  'standard shipping fee': { source: 'shipping-and-delivery.md', any: ['$5.99'] },
  'express time': { source: 'shipping-and-delivery.md', any: ['1-2 business days'] },
  'express cost': { source: 'shipping-and-delivery.md', any: ['$14.99'] },
  'cut-off time': { source: 'shipping-and-delivery.md', any: ['2 pm'] },
  'no international shipping': { source: 'shipping-and-delivery.md', any: ['internationally', '50 US states'] },
  'express no po boxes': { source: 'shipping-and-delivery.md', any: ['PO boxes'] },
  'late delivery investigation': { source: 'shipping-and-delivery.md', any: ['investigation', '3 business days'] },
  'warranty length': { source: 'warranty.md', any: ['12 months'] },
  'warranty excludes accidental damage': { source: 'warranty.md', any: ['accidental damage'] },
  'warranty excludes liquid': { source: 'warranty.md', any: ['liquid damage', 'water damage', 'liquid'] },
  'warranty claim': { source: 'warranty.md', any: ['warranty claim'] },
  'warranty repair time': { source: 'warranty.md', any: ['10 business days'] },
  'extended protection': { source: 'warranty.md', any: ['3 years'] },
  'price match window': { source: 'price-match.md', any: ['14 days'] },
  'price match exclusions': { source: 'price-match.md', any: ['marketplace', 'refurbished', 'open-box', 'third-party'] },
  'payment methods': { source: 'payment-methods.md', all: ['PayPal'], any: ['Visa', 'Mastercard', 'credit'] },
  'installments': { source: 'payment-methods.md', any: ['4 interest-free installments', '4 installments', 'four installments', 'four interest-free installments'] },
  'installments threshold': { source: 'payment-methods.md', any: ['$100'] },
  'card charged at shipping': { source: 'payment-methods.md', any: ['when the order ships', 'when your order ships', 'when it ships'] },
  'phone number': { source: 'store-hours-and-contact.md', any: ['1-800-555-0199'] },
  'support email': { source: 'store-hours-and-contact.md', any: ['support@electromart.example'] },
  'support hours': { source: 'store-hours-and-contact.md', any: ['8 am to 8 pm', '8am to 8pm', '8 am-8 pm', '8am-8pm'] },
  'store address': { source: 'store-hours-and-contact.md', any: ['1200 Harbor Avenue'] },
  'chat always on': { source: 'store-hours-and-contact.md', any: ['24 hours a day', '24/7'] },
  'cancel before shipping': { source: 'orders-and-cancellation.md', any: ['before it ships', 'before shipping', 'before the order ships', 'has not shipped', "hasn't shipped"] },
  'no cancellation fee': { source: 'orders-and-cancellation.md', any: ['cancellation fee'] },
  'shipped cannot cancel': { source: 'orders-and-cancellation.md', any: ['cannot be cancelled', "can't be cancelled", 'can no longer be cancelled', 'refuse the delivery'] },
  'address change while processing': { source: 'orders-and-cancellation.md', any: ['processing', 'Change address'] },
  'welcome first order': { source: 'promotions-and-newsletter.md', any: ['first order'] },
  'one promo per order': { source: 'promotions-and-newsletter.md', any: ['one promo code', 'only one', 'one code', 'cannot be combined', "can't be combined", 'not be combined'] },
  'newsletter signup': { source: 'promotions-and-newsletter.md', any: ['bottom of any page', 'Account settings'] },
  'unsubscribe': { source: 'promotions-and-newsletter.md', any: ['Unsubscribe'] },
  'rewards earn rate': { source: 'loyalty-and-reviews.md', any: ['1 point for every $1', '1 point per $1', 'one point per dollar', 'one point for every dollar'] },
  'rewards redemption': { source: 'loyalty-and-reviews.md', all: ['100 points'], any: ['$5'] },
  'review points': { source: 'loyalty-and-reviews.md', any: ['50 rewards points', '50 points'] },
  'review publish time': { source: 'loyalty-and-reviews.md', any: ['48 hours'] },
  'password reset': { source: 'account-help.md', any: ['Forgot password'] },
  'reset link validity': { source: 'account-help.md', any: ['1 hour'] },
  'invoice download': { source: 'account-help.md', any: ['Download invoice'] },
  'delete account': { source: 'account-help.md', any: ['Delete account'] },
  'orders cannot move accounts': { source: 'account-help.md', any: ['cannot be moved'] },
};

/** Literals of a fact that the KB file no longer contains (empty when the table is still true). */
export function staleKbFacts(kbDir: string): string[] {
  const problems: string[] = [];
  for (const [key, f] of Object.entries(KB_FACTS)) {
    const md = readFileSync(path.join(kbDir, f.source), 'utf8');
    const lits = [...(f.all ?? []), ...(f.any ?? [])];
    // Alternative spellings (e.g. "1 point per $1") need not all be in the file; one of `any` must.
    if (f.all?.some((l) => !containsLiteral(md, l))) problems.push(`${key}: ${f.source} lacks one of ${JSON.stringify(f.all)}`);
    if (f.any && !f.any.some((l) => containsLiteral(md, l))) problems.push(`${key}: ${f.source} contains none of ${JSON.stringify(lits)}`);
  }
  return problems;
}

export function kbFactMet(text: string, fact: KbFact): boolean {
  return (fact.all ?? []).every((l) => containsLiteral(text, l)) && (!fact.any || fact.any.some((l) => containsLiteral(text, l)));
}
