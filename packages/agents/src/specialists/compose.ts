import type { KbHit, KnowledgeBase } from '../kb/kb';
import { searchTokens } from '../text/prepare';

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
}

/** Retrieves and answers from the knowledge base; null when nothing relevant is found. */
export function answerFromKb(kb: KnowledgeBase, question: string, minScore = 1.5): KbAnswer | null {
  const hits = kb.search(question, 2);
  const top = hits[0];
  if (!top || top.score < minScore) return null;
  return { text: answerFromPassage(question, top), sources: [top.id] };
}
