import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, splitMarkdown } from './kb';
import { answerFromKb } from '../specialists/compose';

const kb = loadKnowledgeBase(path.resolve(import.meta.dirname, '../../../../knowledge-base'));

describe('knowledge base retrieval (BM25 over ## sections)', () => {
  it('splits markdown into self-contained passages', () => {
    const p = splitMarkdown('x.md', '# Title\n\n## First part\nOne.\n\n## Second\nTwo.');
    expect(p.map((x) => x.id)).toEqual(['x.md#first-part', 'x.md#second']);
  });

  it.each([
    ['What is your return policy?', /30 days/, 'returns.md'],
    ['How long does standard shipping take?', /3–5 business days/, 'shipping-and-delivery.md'],
    ['How much is express shipping?', /\$14\.99/, 'shipping-and-delivery.md'],
    ['How long is the warranty?', /12-month/, 'warranty.md'],
    ['Do you price match?', /14 days/, 'price-match.md'],
  ])('answers %j from the fixed facts', (q, fact, file) => {
    const a = answerFromKb(kb, q);
    expect(a?.text).toMatch(fact);
    expect(a?.sources[0]).toContain(file);
  });
});
