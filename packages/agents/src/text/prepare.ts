/// <reference path="../wink.d.ts" />
import nlp from 'wink-nlp-utils';

// Order numbers, emails and codes carry no routing signal of their own; fold them to a class
// token so "where is EM-10001" and "where is EM-20417" look alike to the classifier.
const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/\b[\w.+-]+@[\w-]+\.[\w.]+\b/g, ' xemail '],
  [/\bEM-?\d{4,}\b/gi, ' xorder '],
  [/\bTK-?\d{3,}\b/gi, ' xticket '],
  [/\{\{[^}]*\}\}/g, ' xslot '],
  [/\$\s?\d[\d,.]*/g, ' xprice '],
  [/\b\d{6,}\b/g, ' xorder '],
];

export function normalize(text: string): string {
  let t = text;
  for (const [re, token] of PLACEHOLDERS) t = t.replace(re, token);
  return t.toLowerCase();
}

// Porter stemming is most of the tokenisation cost and chat vocabulary is small and repetitive:
// memoise it, bounded (entries, not bytes) so hostile input cannot grow the cache without limit.
const STEM_CACHE_MAX = 50_000;
const stemCache = new Map<string, string>();
function stemOne(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = nlp.tokens.stem([w])[0] ?? w;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(w, s);
  }
  return s;
}

/** Stemmed unigrams plus bigrams: the bigrams keep phrases like "real person" or "how much" together. */
export function routerTokens(text: string): string[] {
  const words = nlp.string.tokenize0(normalize(text)).filter((w) => /[a-z0-9]/.test(w)).map(stemOne);
  const grams = words.length > 1 ? nlp.tokens.bigrams(words).map((b) => b.join('_')) : [];
  return [...words, ...grams];
}

/** Stemmed content words for retrieval (stop words dropped: BM25 has no use for them). */
export function searchTokens(text: string): string[] {
  return nlp.tokens.stem(nlp.tokens.removeWords(nlp.string.tokenize0(text.toLowerCase()).filter((w) => /[a-z0-9]/.test(w))));
}
