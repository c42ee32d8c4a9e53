import Sentiment from 'sentiment';
import { MAX_MESSAGE_CHARS } from '@em/contracts/schemas';
import {
  CUES, FIRST_PERSON, HYPOTHETICAL, INFO_QUESTION, NEGATOR, REPORTED, SCOPE_START, UNHELPFUL_REPLY, type ComplaintKind, type Cue,
} from './complaint-cues';
import { contentWords, prepare } from './complaint-text';

export type { ComplaintKind };

export interface ComplaintSignal {
  /** escalate = a person should take over now; complaint = unhappy but the AI can still help (apologise, answer); none. */
  level: 'none' | 'complaint' | 'escalate';
  kinds: ComplaintKind[];
  /** Short, human-readable reasons for the console, e.g. "threatens a chargeback", "third contact about the same problem". */
  cues: string[];
  score: number; // 0..1
}

export interface ChatTurn {
  role: string;
  text: string;
}

/** Noisy-or of cue weights: one strong cue (≥ 0.7), or e.g. damage + anger (0.45, 0.5), escalates. */
const ESCALATE_AT = 0.7;
const COMPLAINT_AT = 0.2;
/** Characters of a clause looked at before a cue (negation, question, hypothetical): ~25 words. */
const CONTEXT_CHARS = 150;
/** Earlier customer turns looked at (each costs one more pass, ~20 µs). */
const HISTORY_TURNS = 3;

const afinn = new Sentiment();

// Earlier turns come back in every call's history; remember their analyses (read-only once cached),
// bounded in entries so a long-running worker cannot grow it without limit.
const HISTORY_CACHE_MAX = 5_000;
const historyCache = new Map<string, Analysis>();
function analyseEarlier(text: string): Analysis {
  let a = historyCache.get(text);
  if (!a) {
    a = analyse(text);
    if (historyCache.size >= HISTORY_CACHE_MAX) historyCache.clear();
    historyCache.set(text, a);
  }
  return a;
}

interface Hit {
  w: number;
  label: string;
  kind?: ComplaintKind;
  weakKind?: boolean;
}

interface Analysis {
  hits: Hit[];
  score: number;
  words: Set<string>;
  norm: string;
}

// Rounded to 1e-9 so that 1 − 0.55·0.55 is 0.7, not 0.69999…, at the escalation threshold.
const noisyOr = (hits: Hit[]) => Math.round((1 - hits.reduce((p, h) => p * (1 - h.w), 1)) * 1e9) / 1e9;

// "I don't know why nobody answers": not a negation of the cue that follows.
const NOT_NEGATING = /\b(?:(?:dont|do not|didnt|cant|cannot|no) (?:know|understand|see|get|believe|figure out|idea|clue)|without (?:a |any )?doubt|no doubt|not only)\b/;
// Threat-specific "asking about it" forms; plain questions are caught by the clause's "?".
// "would a chargeback affect my account?" is curiosity (none); "can I do a chargeback?" is a complaint.
const THREAT_HYPOTHETICAL = /\b(?:what if|what happens if|would (?:a|it|that|this|doing|filing|opening)|does (?:a|filing|doing|opening)|will (?:a|filing|doing|opening)|if i (?:were to|was to|did)|in general|just curious|out of curiosity)\b/;
const THREAT_ASKING = /\b(?:should i|do i (?:need|have) to|can i|could i|is it (?:possible|better|worth)|thinking (?:about|of)|considering|wondering)\b/;
const OWN_SUBJECT = /^(?:i|ill|im|ive|id|we|well|or)\b/;
// "I ordered the wrong colour by mistake": the customer's own slip is not a complaint about us.
const OWN_MISTAKE = /\b(?:by mistake|my mistake|my fault|my bad|accidentally|by accident|changed my mind|change my mind|i (?:ordered|chose|picked|selected|bought|clicked) the wrong)\b/;

function negated(scope: string): boolean {
  SCOPE_START.lastIndex = 0;
  let from = 0;
  for (let m = SCOPE_START.exec(scope); m; m = SCOPE_START.exec(scope)) from = m.index + m[0].length;
  const tail = scope.slice(from);
  return NEGATOR.test(tail) && !NOT_NEGATING.test(tail);
}

/** Weight of one cue match after its clause is taken into account (negation, question, hypothetical, mention). */
function weigh(cue: Cue, norm: string, at: number): { w: number; note?: string } {
  // Clause and scope are local: looking back at most CONTEXT_CHARS keeps a long run-on message linear, not quadratic.
  const before = Math.max(norm.lastIndexOf(' . ', at), norm.lastIndexOf(' ? ', at), at - CONTEXT_CHARS);
  const start = before < 0 ? 1 : before + 3;
  const endDot = norm.indexOf(' . ', at);
  const endQ = norm.indexOf(' ? ', at);
  const question = endQ >= 0 && (endDot < 0 || endQ < endDot);
  const clause = norm.slice(start, Math.min(question ? endQ : endDot, at + 2 * CONTEXT_CHARS));
  if (INFO_QUESTION.test(clause) && !FIRST_PERSON.test(clause)) return { w: 0 };
  if (cue.unless?.test(clause) || (cue.requires && !cue.requires.test(clause)) || (cue.messageRequires && !cue.messageRequires.test(norm))) return { w: 0 };
  if (cue.mode === 'churn') return { w: cue.w };
  const prefix = norm.slice(start, at);
  // A cue that starts with its own subject ("I'll call my bank") opens a new scope: "if you don't refund me" before it
  // does not negate it.
  const isNegated = !OWN_SUBJECT.test(norm.slice(at, at + 6)) && negated(prefix);
  // The cue's first word too, so "I could smell burning" is a report while "could it catch fire" is not.
  const hypothetical = HYPOTHETICAL.test(norm.slice(start, norm.indexOf(' ', at + 1)));
  switch (cue.mode) {
    case 'threat':
      if (isNegated) return { w: 0.3, note: 'negated' };
      // "Can a chargeback be reversed?": a question about the thing, with no I/my/we, is not a threat.
      if (THREAT_HYPOTHETICAL.test(clause) || (question && !FIRST_PERSON.test(clause))) return { w: 0.15, note: 'asks about it' };
      if (question || THREAT_ASKING.test(prefix)) return { w: 0.3, note: 'asks about it' };
      return { w: cue.w };
    case 'report':
      if (isNegated) return { w: 0 };
      if (hypothetical || (question && cue.questionIsHypothetical)) return { w: 0.15, note: 'asks whether it could happen' };
      return { w: cue.w };
    case 'problem':
      return isNegated || hypothetical || OWN_MISTAKE.test(clause) ? { w: 0 } : { w: cue.w };
    default:
      return isNegated || REPORTED.test(clause) ? { w: 0 } : { w: cue.w };
  }
}

function passes(gate: readonly string[], norm: string): boolean {
  for (const g of gate) if (norm.includes(g)) return true;
  return false;
}

function analyse(full: string): Analysis {
  // The gateway refuses longer messages; this only bounds the work if someone calls with more.
  const text = full.length > MAX_MESSAGE_CHARS ? full.slice(0, MAX_MESSAGE_CHARS) : full;
  const p = prepare(text);
  const hits: Hit[] = [];
  for (const cue of CUES) {
    if (cue.gate && !passes(cue.gate, p.norm)) continue;
    let best = 0;
    let note: string | undefined;
    let extra = 0; // a second, different word of the same cue ("ridiculous … unacceptable") adds up
    let first: string | undefined;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(p.norm); m; m = cue.re.exec(p.norm)) {
      const r = weigh(cue, p.norm, m.index);
      if (r.w > best) {
        best = r.w;
        note = r.note;
      }
      if (r.w > 0 && first !== undefined && m[0] !== first) extra = r.w;
      if (r.w > 0) first ??= m[0];
    }
    if (best > 0) hits.push({ w: best, label: note ? `${cue.label} (${note})` : cue.label, kind: note ? undefined : cue.kind, weakKind: cue.weakKind });
    if (extra > 0 && !note) hits.push({ w: extra, label: cue.label, kind: cue.kind, weakKind: cue.weakKind });
  }
  if (p.obfuscatedSwear) hits.push({ w: 0.9, label: 'masked profanity', kind: 'abuse' });
  const base = noisyOr(hits);
  if (p.emphaticAgain && base >= COMPLAINT_AT) hits.push({ w: 0.85, label: 'says it happened again!!', kind: 'repeat_contact' });
  // AFINN catches negative words outside our lexicon ("horrid", "shoddy"); on its own it only makes a complaint.
  // …but not in "what is your fraud protection?" (AFINN scores "fraud" −4 wherever it appears).
  if (base < COMPLAINT_AT && !OWN_MISTAKE.test(p.norm) && !(INFO_QUESTION.test(p.norm.slice(1)) && !FIRST_PERSON.test(p.norm))) {
    const afinnScore = afinn.analyze(text).score;
    if (afinnScore <= -4) hits.push({ w: 0.25, label: `negative wording (AFINN ${afinnScore})` });
  }
  if (base >= COMPLAINT_AT && (p.exclamations >= 3 || p.capsRatio >= 0.7)) hits.push({ w: p.capsRatio >= 0.7 ? 0.4 : 0.3, label: p.capsRatio >= 0.7 ? 'writes in capitals' : 'many exclamation marks' });
  else if (p.capsRatio >= 0.7 && p.norm.length > 12) hits.push({ w: 0.25, label: 'writes in capitals' });
  return { hits, score: noisyOr(hits), words: contentWords(p.norm), norm: p.norm };
}

function similar(a: Analysis, b: Analysis): boolean {
  if (a.norm === b.norm) return a.words.size > 0;
  return overlaps(a.words, b.words);
}

/** Dice overlap of content words ≥ 0.65: "my coffee machine is leaking water" ≈ "the coffee machine I bought is
 *  leaking water" (0.89), but a follow-up on the same topic ("is my broken screen covered by warranty?" after
 *  "my screen is broken, how do I get it repaired?", 0.57) is a new question. */
function overlaps(a: Set<string>, b: Set<string>): boolean {
  if (a.size < 2 || b.size < 2) return false;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size) >= 0.65;
}

/** Adds the history cues: the same complaint again, or unhappy again after an answer that did not help. */
function withHistory(cur: Analysis, history: ReadonlyArray<ChatTurn>): void {
  const earlier: Array<{ a: Analysis; botAfter?: string }> = [];
  let botAfter: string | undefined;
  for (let i = history.length - 1; i >= 0 && earlier.length < HISTORY_TURNS; i--) {
    const t = history[i]!;
    if (t.role === 'customer') {
      earlier.push({ a: analyseEarlier(t.text), botAfter });
      botAfter = undefined;
    } else if (t.role === 'bot' && botAfter === undefined) botAfter = t.text;
  }
  if (!earlier.length) return;
  const unhappy = cur.score >= COMPLAINT_AT;
  const repeat = earlier.find((e) => similar(cur, e.a));
  if (repeat && (unhappy || repeat.a.score >= COMPLAINT_AT)) cur.hits.push({ w: 0.85, label: 'repeats the same complaint', kind: 'repeat_contact' });
  else if (repeat) cur.hits.push({ w: 0.3, label: 'asks the same thing again' });
  const prev = earlier[0]!;
  if (unhappy && prev.a.score >= COMPLAINT_AT) {
    if (prev.botAfter !== undefined && UNHELPFUL_REPLY.test(prev.botAfter.replace(/['’]/g, ''))) {
      cur.hits.push({ w: 0.85, label: 'unhappy again after an unhelpful answer', kind: 'repeat_contact' });
    } else if (earlier[1] && earlier[1].a.score >= COMPLAINT_AT) {
      cur.hits.push({ w: 0.85, label: 'third unhappy message in a row', kind: 'repeat_contact' });
    } else cur.hits.push({ w: 0.35, label: 'second unhappy message in a row' });
  }
  cur.score = noisyOr(cur.hits);
}

/**
 * Lexical complaint and escalation signal for one customer message (DESIGN §5), beyond AFINN: chargeback and legal
 * threats, safety, fraud, repeated contact, damage with frustration, abuse and strong anger; negated, hypothetical
 * and quoted mentions count less. `history` is the conversation before `text`, oldest first.
 */
export function detectComplaint(text: string, history?: ReadonlyArray<ChatTurn>): ComplaintSignal {
  const a = analyse(text);
  if (history?.length) withHistory(a, history);
  const level = a.score >= ESCALATE_AT ? 'escalate' : a.score >= COMPLAINT_AT ? 'complaint' : 'none';
  const ranked = [...a.hits].sort((x, y) => y.w - x.w);
  const kinds: ComplaintKind[] = [];
  const cues: string[] = [];
  for (const h of ranked) {
    if (h.kind && (!h.weakKind || level === 'escalate') && !kinds.includes(h.kind)) kinds.push(h.kind);
    if (!cues.includes(h.label)) cues.push(h.label);
  }
  return { level, kinds, cues, score: Math.floor(a.score * 100) / 100 }; // floor: a 0.6975 complaint must not print as 0.7
}
