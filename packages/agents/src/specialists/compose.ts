import type { KbHit, KnowledgeBase } from '../kb/kb';
import { searchTokens } from '../text/prepare';
import { answerFromKb, type KbAnswer } from '../kb/answer';
import type { Specialist } from '../graph/types';

// One formatter for the process: toLocaleString with options builds a new Intl.NumberFormat per
// call (1 % of a worker's CPU on product answers; issue 18). Same output.
const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const money = (cents: number) => `$${USD.format(cents / 100)}`;

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
const ANAPHOR = /\b(it|that|this|they|them|those|these|there)\b|^\s*(and|what about|how about|also)\b/i;

/**
 * Slot carry-over for policy follow-ups: "and how long does it take?" after an answer about express
 * shipping asks about express shipping. A short message that points back gets the last passage's
 * heading added to its query.
 */
const headingWords = new WeakMap<KnowledgeBase, Set<string>>();
/** Words of the KB's titles and headings: a question using one names its own topic. */
function topicWordsOf(kb: KnowledgeBase): Set<string> {
  let w = headingWords.get(kb);
  if (!w) {
    w = new Set(kb.passages.flatMap((p) => searchTokens(`${p.title} ${p.heading}`)).filter((t) => !GENERIC_HEADING.has(t)));
    headingWords.set(kb, w);
  }
  return w;
}
// Heading stems that are question words rather than topics ("how", "what", "time").
const GENERIC_HEADING = new Set(['how', 'what', 'when', 'where', 'can', 'time', 'long', 'day', 'get', 'work', 'not', 'after', 'first', 'and']);

/** Whether a message names a topic of the KB's own ("and the warranty?") rather than pointing back. */
export const namesTopic = (kb: KnowledgeBase, text: string) => {
  const own = topicWordsOf(kb);
  return searchTokens(text).some((t) => own.has(t));
};

export function withTopic(kb: KnowledgeBase, question: string, lastTopic?: string): string {
  if (!lastTopic || question.split(/\s+/).length > 8 || !ANAPHOR.test(question)) return question;
  const own = topicWordsOf(kb);
  if (searchTokens(question).some((t) => own.has(t))) return question;
  const p = kb.passages.find((x) => x.id === lastTopic);
  return p ? `${p.heading}: ${question}` : question;
}

export function kbAnswerOrHandoff(
  kb: KnowledgeBase,
  question: string,
  self: Specialist,
  lastTopic?: string,
  accept?: (hit: KbHit) => boolean,
): { draft: string; sources?: string[]; handoffTo?: Specialist; handoffReason?: string } | null {
  const q = withTopic(kb, question, lastTopic);
  const hit = answerFromKb(kb, q, 1.5, q !== question ? lastTopic : undefined, accept);
  const owner = kbOwner(hit);
  if (owner && owner !== self) return { draft: '', handoffTo: owner, handoffReason: `${owner} article` };
  return hit ? { draft: hit.text, sources: hit.sources } : null;
}
