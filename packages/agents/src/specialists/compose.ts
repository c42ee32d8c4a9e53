import type { KbHit, KnowledgeBase } from '../kb/kb';
import { searchTokens } from '../text/prepare';
import type { Specialist } from '../graph/types';

export const money = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const sentencesOf = (text: string) =>
  text
    .replace(/^[-*]\s+/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);

/**
 * Extractive answer: the passage sentences that share the most stemmed words with the question,
 * kept in their original order so the answer reads like the policy it came from.
 */
export function answerFromPassage(question: string, hit: KbHit, maxSentences = 3): string {
  const q = new Set(searchTokens(question));
  const sents = sentencesOf(hit.text);
  const scored = sents.map((s, i) => ({ s, i, score: searchTokens(s).filter((t) => q.has(t)).length }));
  const best = scored
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, maxSentences)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
  return (best.length ? best : sents.slice(0, 2)).join(' ');
}

export interface KbAnswer {
  text: string;
  sources: string[];
  /** BM25 score of the passage answered from. */
  score: number;
}

/** Retrieves and answers from the knowledge base; null when nothing relevant is found. */
// Answer-type hint: "how long / how many days" wants a passage that states a duration.
const ASKS_DURATION = /\bhow (long|many (days|months|years|weeks))\b|\bwhen\b/i;
const HAS_DURATION = /\b\d+(?:[–-]\d+)?[- ](?:business )?(?:day|days|month|months|year|years|week|weeks)\b/i;

const TOPIC_FILES: Array<[RegExp, string]> = [
  [/\breturn(s|ed|ing)?\b/i, 'returns.md'],
  [/\brefund(s|ed)?\b/i, 'refunds.md'],
  [/\bwarrant(y|ies)\b/i, 'warranty.md'],
  [/\b(cancel\w*)\b/i, 'orders-and-cancellation.md'],
  [/\bprice[- ]match\w*\b/i, 'price-match.md'],
];

export function answerFromKb(kb: KnowledgeBase, question: string, minScore = 1.5): KbAnswer | null {
  const hits = kb.search(question, 4);
  if (ASKS_DURATION.test(question)) {
    // Near-ties only (≤10%): the boost re-orders close candidates, never overrides relevance.
    for (const h of hits) if (HAS_DURATION.test(h.text)) h.score *= 1.1;
    hits.sort((a, b) => b.score - a.score);
  }
  // Topic prior: a question that names a policy topic wants that policy's article over a
  // troubleshooting page that merely shares a product word ("return my headphones").
  const topics = TOPIC_FILES.filter(([re]) => re.test(question)).map(([, file]) => file);
  if (topics.length) {
    for (const h of hits) if (topics.includes(h.file)) h.score *= 2;
    hits.sort((a, b) => b.score - a.score);
  }
  const top = hits[0];
  if (!top || top.score < minScore) return null;
  return { text: answerFromPassage(question, top), sources: [top.id], score: top.score };
}

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
