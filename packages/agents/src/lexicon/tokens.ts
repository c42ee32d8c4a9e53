// Word tokens the way the pretrained resource spells them (GloVe-style, lower case): letters and
// digits with inner hyphens or apostrophes ("wi-fi", "usb-c", "4k"). A hyphenated token also yields
// its parts, because the resource knows "return" and "home" but not "return-to-home".
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const WORD = /^\p{L}+(?:['-]\p{L}+)*$/u;

/** Lower-cased tokens of `text`, hyphen parts included; a trailing possessive "'s" is dropped. */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().replace(/\{\{[^}]*\}\}/g, ' ').matchAll(TOKEN)) {
    const t = m[0].replace(/’/g, "'").replace(/'s$/, '');
    out.push(t);
    if (t.includes('-')) for (const part of t.split('-')) if (part) out.push(part);
  }
  return out;
}

/** A dictionary word: letters only (inner hyphen/apostrophe allowed), no digits. */
export const isWord = (token: string): boolean => WORD.test(token);
