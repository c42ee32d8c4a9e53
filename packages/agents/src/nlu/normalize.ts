import type { Speller } from '../lexicon/speller';

/** What the orchestrator reads a message as: spelling fixed against the shop's vocabulary. */
export interface ReadText {
  /** The corrected text (identifiers, numbers and emails untouched). */
  text: string;
  /** Corrections made, for the transcript ("retrun → return"). */
  corrections: Array<[string, string]>;
  /** Share of alphabetic tokens that are words the lexicon knows (0 when none). */
  known: number;
}

const TOKEN = /[A-Za-z][A-Za-z'-]*|[^A-Za-z]+/g;

/**
 * Corrects misspelt words token by token ("retrun polcy" → "return policy"). Anything with a
 * digit, an @ or in CAPS (codes, order numbers, emails) is left as typed.
 */
export function readText(text: string, speller?: Speller, isKnown?: (w: string) => boolean): ReadText {
  if (!speller) return { text, corrections: [], known: 1 };
  const corrections: Array<[string, string]> = [];
  let words = 0;
  let knownWords = 0;
  const out = (text.match(TOKEN) ?? []).map((tok, i, all) => {
    if (!/^[A-Za-z]/.test(tok)) return tok;
    const prev = all[i - 1] ?? '';
    const next = all[i + 1] ?? '';
    // Part of an email, a code or an identifier: keep.
    if (/[@\d]$/.test(prev) || /^[@\d]/.test(next) || (tok.length > 1 && tok === tok.toUpperCase())) return tok;
    words++;
    const lower = tok.toLowerCase();
    if (isKnown?.(lower)) {
      knownWords++;
      return tok;
    }
    const fixed = speller.correct(tok);
    if (fixed && fixed.toLowerCase() !== lower) {
      knownWords++;
      corrections.push([tok, fixed]);
      return fixed;
    }
    return tok;
  });
  return { text: out.join(''), corrections, known: words ? knownWords / words : 0 };
}
