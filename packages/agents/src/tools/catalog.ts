import { z } from 'zod';
import { getProductsBySku, type Product } from '@em/db/queries/catalog';
import { CatalogQuery, listCatalogTerms, searchCatalog, type CatalogHit } from '@em/db/queries/catalog-search';
import type { ProductAttrs } from '@em/db/catalog-attrs';
import type { Db } from '@em/db/client';
import { termsFromRows, type CatalogTerms } from '../nlu/product-query';
import { defineTool } from './types';

export type ProductWithAttrs = Product & { attrs?: ProductAttrs };

/** Catalog search with hard filters (category, kind, price, specs) and ranked free words. */
export const catalogSearch = defineTool({
  name: 'catalog_search',
  description: 'Searches the catalog: words, category, product kinds, price range, spec filters (ramGb, storageGb, screenIn, refreshHz, resolution, anc, waterproof…), sort by price or rating.',
  input: CatalogQuery,
  async run({ db }, _scope, q): Promise<CatalogHit[]> {
    return searchCatalog(db, q);
  },
});

export const productDetails = defineTool({
  name: 'product_details',
  description: 'Price, stock, specs and description of products by SKU.',
  input: z.object({ skus: z.array(z.string().max(40)).min(1).max(5) }),
  async run({ db }, _scope, { skus }): Promise<ProductWithAttrs[]> {
    const rows = await getProductsBySku(db, skus);
    return rows.sort((a, b) => skus.indexOf(a.sku) - skus.indexOf(b.sku));
  },
});

/** The catalog's words for categories and product kinds (catalog_terms), loaded once per process. */
export function catalogTermsLoader(db: Db): () => Promise<CatalogTerms> {
  let terms: Promise<CatalogTerms> | undefined;
  return () => {
    terms ??= listCatalogTerms(db)
      .then(termsFromRows)
      .catch((err: unknown) => {
        terms = undefined;
        throw err;
      });
    return terms;
  };
}
