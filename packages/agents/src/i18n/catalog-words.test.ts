import { describe, expect, it } from 'vitest';
import { foreignCatalogQuery } from './catalog-words';

describe('product words in German, Spanish and French', () => {
  it.each([
    ['¿Tienen auriculares con cancelación de ruido?', { category: 'audio', filters: { anc: true } }],
    ['Habt ihr Drohnen?', { kinds: ['drone'] }],
    ['Was kostet ein Fernseher bei euch?', { category: 'tvs' }],
    ['Je cherche une tablette pour lire', { category: 'tablets' }],
    ['Haben Sie wasserdichte Handys?', { category: 'phones', filters: { waterproof: true } }],
    ['Vous avez des écouteurs sans fil ?', { category: 'audio', filters: { wireless: true } }],
  ])('%j → %j', (text, query) => {
    expect(foreignCatalogQuery(text)).toEqual(query);
  });

  it('finds nothing in a message that names no kind of product', () => {
    expect(foreignCatalogQuery('Wie lange dauert der Versand?')).toBeUndefined();
    expect(foreignCatalogQuery('¿Cuál es su número de teléfono?')).toBeUndefined();
  });
});
