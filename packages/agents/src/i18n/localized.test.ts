import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/kb';
import { emptyMemory, type GraphDeps, type Memory } from '../graph/types';
import { readIntentExamples, trainIntentModel } from './intents';
import { loadTranslatedFacts } from './kb-facts';
import { answerLocalized, type LocalizedResources } from './localized';
import { TEXTS } from './texts';

const here = path.dirname(fileURLToPath(import.meta.url));
const kbDir = path.resolve(here, '../../../../knowledge-base');
const kb = loadKnowledgeBase(kbDir);
const res: LocalizedResources = {
  intents: trainIntentModel(readIntentExamples(path.resolve(here, '../../data/i18n/intents-train.jsonl'))),
  facts: loadTranslatedFacts(path.join(kbDir, 'i18n'), kb.passages),
};
// Policy, greeting and hand-over answers read no database; order/promo/product ones are covered by the eval.
const deps = { kb, catalog: [] } as unknown as GraphDeps;
const ask = (text: string, lang: 'de' | 'es' | 'fr', memory: Memory = emptyMemory()) => answerLocalized(deps, res, { text, history: [], memory }, memory, lang);

describe('the German, Spanish and French offline path', () => {
  it('answers policy questions from the translated KB facts, prices in the locale', async () => {
    const de = await ask('Wie viel kostet der Expressversand?', 'de');
    expect(de.draft).toContain('14,99 $');
    expect(de.route).toMatchObject({ domain: 'logistics', intent: 'shipping_express' });
    expect(de.sources).toEqual(['shipping-and-delivery.md#express-shipping']);
    expect((await ask('¿Cuántos días tengo para devolver un producto?', 'es')).draft).toContain('30 días');
    expect((await ask('Combien de temps dure la garantie ?', 'fr')).draft).toContain('12 mois');
  });

  it('a person is asked for in each language', async () => {
    for (const [text, lang] of [['Ich möchte mit einem Menschen sprechen', 'de'], ['Quiero hablar con una persona', 'es'], ['Je voudrais parler à un humain', 'fr']] as const) {
      const r = await ask(text, lang);
      expect(r.askedForPerson).toBe(true);
      expect(r.route.domain).toBe('human');
    }
  });

  it('says honestly what it cannot do, offers a person, and a "yes" takes the offer', async () => {
    const r = await ask('Ich habe mein Passwort vergessen', 'de');
    expect(r.draft).toBe(TEXTS.de.cannot);
    expect(r.failed).toBe(true);
    expect(r.memory?.personOffered).toBe(true);
    const memory = { ...emptyMemory(), personOffered: true };
    expect((await ask('Ja, bitte', 'de', memory)).askedForPerson).toBe(true);
  });

  it('a follow-up with no topic of its own continues the last policy topic', async () => {
    const memory = { ...emptyMemory(), lastTopic: 'shipping-and-delivery.md#express-shipping' };
    expect((await ask('Und wie lange dauert das?', 'de', memory)).route.intent).toBe('shipping_express');
  });
});
