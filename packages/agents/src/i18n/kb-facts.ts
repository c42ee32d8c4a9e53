// Translated KB facts (knowledge-base/i18n/<lang>.md), each bound to the English passage it
// translates and checked against it at load: a translation may only state numbers and prices the
// English passage holds, so the same grounding applies in every language.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KbPassage } from '../kb/kb';
import { formatMoney } from './format';
import type { Lang } from './languages';

export type TranslatedFacts = Map<string, string>;
export type FactsByLang = Partial<Record<Exclude<Lang, 'en'>, TranslatedFacts>>;

const PRICE = /\{\$(\d[\d,]*(?:\.\d{2})?)\}/g;
const cents = (amount: string) => Math.round(Number(amount.replace(/,/g, '')) * 100);

/** Numbers a passage states, with "8 pm" also as 20 (a 24-hour clock in the translation). */
function numbersOf(text: string): Set<string> {
  const out = new Set((text.match(/\d+/g) ?? []).map((n) => String(Number(n))));
  for (const m of text.matchAll(/\b(\d{1,2})\s?pm\b/gi)) out.add(String(Number(m[1]) + 12));
  return out;
}

/** Why a translated passage is not faithful to its English source (null when it is). */
export function unfaithfulReason(translated: string, source: KbPassage | undefined): string | null {
  if (!source) return 'no English passage with this id';
  const sourcePrices = new Set([...source.text.matchAll(/\$(\d[\d,]*(?:\.\d{2})?)/g)].map((m) => cents(m[1]!)));
  for (const m of translated.matchAll(PRICE)) if (!sourcePrices.has(cents(m[1]!))) return `price $${m[1]} not in the English passage`;
  const known = numbersOf(source.text);
  // "20:00" is the hour 20 (whole hours only: the English passages state none with minutes).
  for (const n of translated.replace(PRICE, ' ').replace(/(\d):00\b/g, '$1').match(/\d+/g) ?? []) if (!known.has(String(Number(n)))) return `number ${n} not in the English passage`;
  return null;
}

/** `## file.md#slug` sections of one translation file. */
export function parseTranslations(md: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of md.split(/^##\s+/m).slice(1)) {
    const [id, ...rest] = part.split('\n');
    out.set(id!.trim(), rest.join('\n').trim());
  }
  return out;
}

/** Renders the price placeholders of a translated fact in the language's locale. */
export const renderFact = (text: string, lang: Lang) => text.replace(PRICE, (_m, a: string) => formatMoney(cents(a), lang));

/**
 * Loads every translation under `dir` (knowledge-base/i18n), checked against the English passages;
 * an unfaithful translation throws at start-up rather than telling customers a wrong fact.
 */
export function loadTranslatedFacts(dir: string, passages: KbPassage[]): FactsByLang {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const out: FactsByLang = {};
  for (const lang of ['de', 'es', 'fr'] as const) {
    const file = path.join(dir, `${lang}.md`);
    if (!existsSync(file)) continue;
    const facts = parseTranslations(readFileSync(file, 'utf8'));
    for (const [id, text] of facts) {
      const why = unfaithfulReason(text, byId.get(id));
      if (why) throw new Error(`knowledge-base/i18n/${lang}.md ${id}: ${why}`);
      facts.set(id, renderFact(text, lang));
    }
    out[lang] = facts;
  }
  return out;
}
