import { searchTokens } from '../text/prepare';
import type { KbHit, KnowledgeBase } from './kb';
import { windowVerdict } from './time-window';

/**
 * What a policy question asks for. The passage that wins retrieval usually states several facts
 * (window, fee, time, condition); the question type picks the sentence that states the one asked.
 */
export type AnswerType = 'duration' | 'cost' | 'contact' | 'hours' | 'place' | 'how' | 'yesno' | 'what';

const TYPE_OF_QUESTION: Array<[AnswerType, RegExp]> = [
  ['contact', /\b(phone|call|ring|number|e-?mail|contact|reach)\b/i],
  ['hours', /\b(hours?|open(ing)?|close[sd]?|closing|weekends?|sundays?|saturdays?|holidays?)\b/i],
  ['cost', /\b(how much|cost\w*|fees?|charge[sd]?|price[sd]?|free|pay for|expensive|cheap)\b/i],
  ['duration', /\b(how (long|many (days|weeks|months|years))|how soon|how quick\w*|when (will|does|do|can|is)|days?|weeks?|time ?frame|deadline|window)\b/i],
  ['place', /\b(where|address|location|located|which countr\w*|ship to)\b/i],
  ['how', /\b(how (do|can|should|would) (i|we|you)|how to|steps?|process|what do i (do|need))\b/i],
  ['yesno', /^\s*(can|could|do|does|did|is|are|will|would|may|should)\b/i],
];

export const answerTypeOf = (q: string): AnswerType => TYPE_OF_QUESTION.find(([, re]) => re.test(q))?.[0] ?? 'what';

// What a sentence must contain to state a fact of each type.
const STATES: Record<AnswerType, RegExp | null> = {
  duration: /\b\d+(?:[–-]\d+)?[- ](?:business )?(?:day|days|month|months|year|years|week|weeks|hours)\b|\bsame day\b|\bnext business day\b|\bimmediately\b/i,
  cost: /\$\d|\bfree\b|\bno (restocking |cancellation )?fee\b|\bflat\b|\binterest-free\b|\bdoes not charge\b/i,
  contact: /\b1-800-[\d-]+|@[\w.]+\b|\blive chat\b/i,
  hours: /\b\d{1,2}\s?(am|pm)\b|24 hours/i,
  place: /\b(ships? to|deliver\w* to|address|avenue|street|internationally|states)\b/i,
  how: /\b(open|select|choose|enter|contact|click|ask|drop|add|tick|untick|return it|place a new)\b/i,
  // A yes/no policy question is best answered by the sentence that states the rule and its limit.
  yesno: /\b(within \d|\d+[- ]days?|accepts?|free|no (restocking |cancellation )?fee|does not|cannot)\b/i,
  what: null,
};

const NEGATIVE = /\b(not|cannot|can't|no longer|never|isn't|aren't|doesn't|don't|only if|only when|excluded?)\b/i;

export const sentencesOf = (text: string) =>
  text
    .replace(/^[-*]\s+/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);

/**
 * Extractive, question-shaped answer: the passage sentences that share the most stemmed words
 * with the question, with a bonus for a sentence that states the asked type of fact, kept in
 * passage order. A yes/no question gets its yes or no first when the leading sentence says it.
 */
// Modal and filler words of questions that wink's stop list keeps ("can", "could").
const FILLER = new Set(['can', 'could', 'would', 'will', 'should', 'may', 'might', 'not', 'get', 'want', 'need', 'like', 'know', 'tell', 'help', 'pleas', 'thank', 'someth']);
const contentTokens = (s: string) => searchTokens(s).filter((t) => !FILLER.has(t));

// Passages are few and fixed: split and stem each once per process, not on every question.
const sentenceCache = new Map<string, { sents: string[]; tokens: string[][] }>();
function passageSentences(text: string) {
  let c = sentenceCache.get(text);
  if (!c) {
    const sents = sentencesOf(text);
    c = { sents, tokens: sents.map(contentTokens) };
    if (sentenceCache.size > 1000) sentenceCache.clear();
    sentenceCache.set(text, c);
  }
  return c;
}

export function answerFromPassage(question: string, hit: Pick<KbHit, 'text'>, maxSentences = 2): string {
  const q = new Set(contentTokens(question));
  const type = answerTypeOf(question);
  const { sents, tokens } = passageSentences(hit.text);
  const scored = sents.map((s, i) => {
    const overlap = tokens[i]!.filter((t) => q.has(t)).length;
    const states = STATES[type]?.test(s) ? 1.5 : 0;
    // The opening sentence of a section is its summary: a small prior.
    return { s, i, score: overlap + states + (i === 0 ? 0.5 : 0) };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.i - b.i);
  const best = ranked[0];
  if (!best) return hit.text;
  // A specific question ("how long", "how much") gets its fact and at most one close sentence; an
  // open one ("how does the rewards program work?") gets the passage's sentences on its topic.
  const open = type === 'what' || type === 'how' || type === 'yesno';
  const extra = open
    ? ranked.slice(1).filter((x) => x.score - (x.i === 0 ? 0.5 : 0) >= 1).slice(0, maxSentences)
    : ranked.slice(1, 2).filter((x) => x.score >= Math.max(2, best.score - 1));
  const picked = [best, ...(maxSentences > 1 ? extra : [])].sort((a, b) => a.i - b.i).map((x) => x.s);
  let text = picked.join(' ');
  // "Yes" only when the passage is about what was asked: "do you have a store in New York?" answered
  // from the Riverton store's article must not start with "Yes".
  const passageWords = new Set(tokens.flat());
  const unanswered = [...q].filter((t) => !passageWords.has(t)).length;
  // "…bought 40 days ago?": which side of the stated window that is comes first. No bare yes or no
  // then: "is it too late?" and "can I still?" want opposite words for the same verdict.
  const verdict = windowVerdict(question, text);
  if (verdict) return `${verdict.text} ${text}`;
  if (type === 'yesno' && best.score >= 1.5 && unanswered <= 1 && unanswered < q.size / 2) {
    const lead = picked[0]!;
    text = `${NEGATIVE.test(lead) ? 'No' : 'Yes'} — ${text}`;
  }
  return text;
}

export interface KbAnswer {
  text: string;
  sources: string[];
  /** Retrieval score of the passage answered from (fused, see kb.ts). */
  score: number;
  passageId: string;
}

/** Retrieves and answers from the knowledge base; null when nothing relevant is found. */
export function answerFromKb(
  kb: KnowledgeBase,
  question: string,
  minScore = 1.5,
  prefer?: string,
  /** Passages that may answer at all (e.g. troubleshooting only for the device asked about). */
  accept?: (hit: KbHit) => boolean,
): KbAnswer | null {
  let hits = kb.search(question, accept ? 8 : 4);
  if (accept) {
    // What is left after the best match was refused must be a match on its own merits, not the
    // residue of the refused one's words ("battery drains" → the support hours).
    const refused = hits[0] && !accept(hits[0]) ? hits[0].score : 0;
    minScore = Math.max(minScore, refused / 2);
    hits = hits.filter(accept).slice(0, 4);
  }
  // A follow-up on the passage just answered from ("and how long does it take?") stays with it
  // unless another passage is clearly better.
  if (prefer) for (const h of hits) if (h.id === prefer) h.score *= 3;
  // Answer-type hint on near-ties: "how long is the warranty?" wants the passage that states a duration.
  // A price, a phone number or opening hours are unmistakable: an answer must state one.
  const type = answerTypeOf(question);
  const states = STATES[type];
  const boost = type === 'cost' || type === 'contact' || type === 'hours' ? 1.5 : 1.15;
  if (states) for (const h of hits) if (states.test(h.text)) h.score *= boost;
  const top = hits.sort((a, b) => b.score - a.score)[0];
  if (!top || top.score < minScore) return null;
  return { text: answerFromPassage(question, top), sources: [top.id], score: top.score, passageId: top.id };
}
