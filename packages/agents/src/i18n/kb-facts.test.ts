import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, type KbPassage } from '../kb/kb';
import { loadTranslatedFacts, renderFact, unfaithfulReason } from './kb-facts';

const kbDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../knowledge-base');
const express: KbPassage = { id: 'x.md#express', file: 'x.md', title: 'x', heading: 'Express', text: 'Express shipping takes 1–2 business days and costs $14.99 per order. Support 8 am to 8 pm.' };

describe('translated KB facts', () => {
  it('accept only the numbers and prices of the English passage', () => {
    expect(unfaithfulReason('Express dauert 1–2 Werktage und kostet {$14.99}, 8 bis 20 Uhr.', express)).toBeNull();
    expect(unfaithfulReason('Express kostet {$12.99}.', express)).toMatch(/price/);
    expect(unfaithfulReason('Express dauert 3 Werktage.', express)).toMatch(/number 3/);
    expect(unfaithfulReason('x', undefined)).toMatch(/no English passage/);
  });

  it('print prices in the locale', () => {
    expect(renderFact('kostet {$14.99}', 'de')).toBe('kostet 14,99 $');
    expect(renderFact('cuesta {$14.99}', 'es')).toBe('cuesta 14,99 US$');
  });

  it('the shipped translations are faithful and cover the same passages in each language', () => {
    const kb = loadKnowledgeBase(kbDir);
    const facts = loadTranslatedFacts(path.join(kbDir, 'i18n'), kb.passages);
    const ids = [...facts.de!.keys()].sort();
    expect([...facts.es!.keys()].sort()).toEqual(ids);
    expect([...facts.fr!.keys()].sort()).toEqual(ids);
    expect(facts.de!.get('shipping-and-delivery.md#express-shipping')).toContain('14,99 $');
  });
});
