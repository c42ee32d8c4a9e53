// The German, Spanish and French forms of the KB facts cases name ({"kb": "returns window"} on a
// turn with "language": "de"), read from knowledge-base/i18n/<lang>.md. Like kb-facts.ts, every
// literal is checked at start-up to still occur in its (rendered) translation file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderFact } from '@em/agents/i18n';
import { containsLiteral } from './match';
import type { KbFact } from './kb-facts';

export type Foreign = 'de' | 'es' | 'fr';
type PerLang = Record<Foreign, Omit<KbFact, 'source'>>;

const same = (lits: string[]): PerLang => ({ de: { any: lits }, es: { any: lits }, fr: { any: lits } });

export const KB_FACTS_I18N: Record<string, PerLang> = {
  'returns window': { de: { any: ['30 Tagen', '30 Tage'] }, es: { any: ['30 días'] }, fr: { any: ['30 jours'] } },
  'return shipping free': { de: { any: ['kostenlos'] }, es: { any: ['gratuito'] }, fr: { any: ['gratuit'] } },
  'refund time': { de: { any: ['5-7 Werktagen', '5-7 Werktage'] }, es: { any: ['5-7 días hábiles'] }, fr: { any: ['5-7 jours ouvrés'] } },
  'refund to original method': { de: { any: ['ursprüngliche Zahlungsmethode'] }, es: { any: ['método de pago original'] }, fr: { any: ["moyen de paiement d'origine"] } },
  'warranty length': { de: { any: ['12 Monaten', '12 Monate'] }, es: { any: ['12 meses'] }, fr: { any: ['12 mois'] } },
  'standard shipping time': { de: { any: ['3-5 Werktage'] }, es: { any: ['3-5 días hábiles'] }, fr: { any: ['3-5 jours ouvrés'] } },
  'free shipping threshold': { de: { any: ['50,00 $'] }, es: { any: ['50,00 US$'] }, fr: { any: ['50,00 $US'] } },
  'standard shipping fee': { de: { any: ['5,99 $'] }, es: { any: ['5,99 US$'] }, fr: { any: ['5,99 $US'] } },
  'express time': { de: { any: ['1-2 Werktage'] }, es: { any: ['1-2 días hábiles'] }, fr: { any: ['1-2 jours ouvrés'] } },
  'express cost': { de: { any: ['14,99 $'] }, es: { any: ['14,99 US$'] }, fr: { any: ['14,99 $US'] } },
  'price match window': { de: { any: ['14 Tagen'] }, es: { any: ['14 días'] }, fr: { any: ['14 jours'] } },
  'payment methods': { de: { all: ['PayPal'], any: ['Visa'] }, es: { all: ['PayPal'], any: ['Visa'] }, fr: { all: ['PayPal'], any: ['Visa'] } },
  'phone number': same(['1-800-555-0199']),
  'support email': same(['support@electromart.example']),
  'support hours': { de: { any: ['8 bis 20 Uhr'] }, es: { any: ['de 8:00 a 20:00'] }, fr: { any: ['de 8 h à 20 h'] } },
};

/** The fact in a language, with its source file, or undefined when it has no translation. */
export function kbFactIn(key: string, lang: Foreign): KbFact | undefined {
  const f = KB_FACTS_I18N[key]?.[lang];
  return f ? { source: `i18n/${lang}.md`, ...f } : undefined;
}

/** Literals no longer in their translation file (prices as the customer's locale prints them). */
export function staleI18nFacts(kbDir: string): string[] {
  const problems: string[] = [];
  for (const lang of ['de', 'es', 'fr'] as const) {
    const md = renderFact(readFileSync(path.join(kbDir, 'i18n', `${lang}.md`), 'utf8'), lang);
    for (const [key, per] of Object.entries(KB_FACTS_I18N)) {
      const f = per[lang];
      if (f.all?.some((l) => !containsLiteral(md, l))) problems.push(`${key} (${lang}): i18n/${lang}.md lacks one of ${JSON.stringify(f.all)}`);
      if (f.any && !f.any.some((l) => containsLiteral(md, l))) problems.push(`${key} (${lang}): i18n/${lang}.md contains none of ${JSON.stringify(f.any)}`);
    }
  }
  return problems;
}
