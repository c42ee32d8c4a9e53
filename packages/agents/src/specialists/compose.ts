import type { KnowledgeBase } from '../kb/kb';
import { answerFromKb, type KbAnswer } from '../kb/answer';
import type { Specialist } from '../graph/types';

export const money = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export { answerFromKb, answerFromPassage, type KbAnswer } from '../kb/answer';

/** Which specialist answers questions on each knowledge-base article (the rest stay with general). */
const KB_OWNER: Record<string, Specialist> = {
  'returns.md': 'support',
  'refunds.md': 'support',
  'warranty.md': 'support',
  'account-help.md': 'support',
  'troubleshooting-laptops.md': 'support',
  'troubleshooting-phones.md': 'support',
  'troubleshooting-smart-home.md': 'support',
  'troubleshooting-tv-and-audio.md': 'support',
  'shipping-and-delivery.md': 'logistics',
  'orders-and-cancellation.md': 'logistics',
  'promotions-and-newsletter.md': 'marketing',
  'loyalty-and-reviews.md': 'marketing',
  'payment-methods.md': 'sales',
  'price-match.md': 'support',
};
// BM25 score (our KB, ~15 articles) above which a hit is clearly about that article's topic.
const OWNED_MIN_SCORE = 6;

/** The specialist owning a strong KB answer's article, if any. */
export const kbOwner = (kb: KbAnswer | null): Specialist | undefined =>
  kb && kb.score >= OWNED_MIN_SCORE ? KB_OWNER[kb.sources[0]!.split('#')[0]!] : undefined;

/**
 * A specialist's knowledge-base fallback: answer from the article when it is ours (or nobody's),
 * hand off when a strong hit belongs to another specialist, null when nothing relevant is found.
 */
export function kbAnswerOrHandoff(kb: KnowledgeBase, question: string, self: Specialist): { draft: string; sources?: string[]; handoffTo?: Specialist; handoffReason?: string } | null {
  const hit = answerFromKb(kb, question);
  const owner = kbOwner(hit);
  if (owner && owner !== self) return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
  return hit ? { draft: hit.text, sources: hit.sources } : null;
}
