// Derives the search data from the product rows themselves (not the seed file), so a database seeded
// before catalog search existed, or a product edited later, gets correct attrs/kind/terms at the next start.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { catalogTerms, products } from '../schema/index';
import { buildTerms, detectKind, kindKeywords } from './catalog-terms';
import { specAttrs } from './spec-attrs';

export interface CatalogSearchSync {
  /** Products whose attrs, kind or keywords changed. */
  updated: number;
  terms: number;
}

/** Idempotent; one UPDATE for all changed products and a rebuild of the mined terms, in one transaction. */
export async function syncCatalogSearch(db: Db): Promise<CatalogSearchSync> {
  const rows = await db
    .select({ sku: products.sku, name: products.name, category: products.category, description: products.description, specs: products.specs, attrs: products.attrs, kind: products.kind, keywords: products.keywords })
    .from(products);
  const derived = rows.map((p) => {
    const kind = detectKind(p);
    return { sku: p.sku, category: p.category, attrs: specAttrs(p), kind, keywords: kindKeywords(kind), before: p };
  });
  const changed = derived.filter(
    (d) => d.kind !== d.before.kind || d.keywords !== d.before.keywords || JSON.stringify(sortKeys(d.attrs)) !== JSON.stringify(sortKeys(d.before.attrs)),
  );
  const terms = buildTerms(derived);
  const termKey = (t: { term: string; category: string; kind: string | null; source: string }) => `${t.term}|${t.category}|${t.kind ?? ''}|${t.source}`;
  const existing = await db.select().from(catalogTerms);
  const sameTerms = existing.length === terms.length && new Set([...existing.map(termKey), ...terms.map(termKey)]).size === terms.length;
  await db.transaction(async (tx) => {
    if (changed.length) {
      const payload = JSON.stringify(changed.map(({ sku, attrs, kind, keywords }) => ({ sku, attrs, kind, keywords })));
      await tx.execute(sql`
        update products p set attrs = x.attrs, kind = x.kind, keywords = x.keywords
        from jsonb_to_recordset(${payload}::jsonb) as x(sku text, attrs jsonb, kind text, keywords text)
        where p.sku = x.sku`);
    }
    if (sameTerms) return;
    // The table is derived data (curated file + catalog), so it is replaced as a whole.
    await tx.delete(catalogTerms);
    if (terms.length) await tx.insert(catalogTerms).values(terms).onConflictDoNothing();
  });
  return { updated: changed.length, terms: terms.length };
}

const sortKeys = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
