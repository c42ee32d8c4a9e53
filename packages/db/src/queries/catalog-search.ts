// Catalog search for the AI's product tool: hard constraints (category, product kind, price, typed
// spec attributes) plus ranked free text (Postgres full text on products.search_tsv + pg_trgm
// similarity for typos). Every value reaches Postgres as a bind parameter.
import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { BOOLEAN_ATTRS, NUMERIC_ATTRS, PANELS, RESOLUTIONS, resolutionsAtLeast, type ProductAttrs } from '../catalog-attrs';
import type { Db } from '../client';
import { attrNumber, catalogTerms, products } from '../schema/catalog';

export const Range = z
  .object({ min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() })
  .strict()
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');
export type Range = z.infer<typeof Range>;

const numericShape = Object.fromEntries(NUMERIC_ATTRS.map((k) => [k, Range.optional()])) as { [K in (typeof NUMERIC_ATTRS)[number]]: z.ZodOptional<typeof Range> };
const booleanShape = Object.fromEntries(BOOLEAN_ATTRS.map((k) => [k, z.boolean().optional()])) as { [K in (typeof BOOLEAN_ATTRS)[number]]: z.ZodOptional<z.ZodBoolean> };

export const CatalogFilters = z
  .object({
    ...numericShape,
    ...booleanShape,
    /** At least this sharp: '4k' also accepts '8k'. */
    resolution: z.enum(RESOLUTIONS).optional(),
    /** Any of these panel types. */
    panel: z.array(z.enum(PANELS)).min(1).max(PANELS.length).optional(),
  })
  .strict();
export type CatalogFilters = z.infer<typeof CatalogFilters>;

export const CATALOG_SORTS = ['relevance', 'price_asc', 'price_desc', 'rating'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const CatalogQuery = z
  .object({
    /** Free words (features, names, type words the terms table did not resolve); ranked, and a filter only when nothing else constrains. */
    text: z.string().trim().max(200).optional(),
    category: z.string().max(40).optional(),
    /** Product type nouns as stored in products.kind ("drone", "monitor"); any of them. */
    kinds: z.array(z.string().max(40)).max(12).optional(),
    minPriceCents: z.number().int().nonnegative().optional(),
    maxPriceCents: z.number().int().nonnegative().optional(),
    filters: CatalogFilters.optional(),
    inStockOnly: z.boolean().optional(),
    sort: z.enum(CATALOG_SORTS).default('relevance'),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .strict();
export type CatalogQuery = z.input<typeof CatalogQuery>;

type ProductRow = typeof products.$inferSelect;
export type CatalogHit = ProductRow & { attrs: ProductAttrs; score: number };

/**
 * Trigram word similarity (0..1) above which free text counts as a (misspelt) match: "hedphones" in
 * "headphones" scores 0.8, "labtop"/"nimbas" 0.57, while "drones" in "phones" scores 0.43.
 */
export const TRIGRAM_MATCH = 0.55;

/** Free words as an OR query ("gaming wireless" → 'game' | 'wireless'); plainto_tsquery does the escaping. */
const orTsQuery = (text: string) => sql`replace(plainto_tsquery('english', ${text})::text, ' & ', ' | ')::tsquery`;

function filterConditions(f: CatalogFilters | undefined): SQL[] {
  if (!f) return [];
  const where: SQL[] = [];
  for (const key of NUMERIC_ATTRS) {
    const r = f[key];
    if (r?.min !== undefined) where.push(sql`${attrNumber(key)} >= ${r.min}`);
    if (r?.max !== undefined) where.push(sql`${attrNumber(key)} <= ${r.max}`);
  }
  for (const key of BOOLEAN_ATTRS) {
    const v = f[key];
    if (v === undefined) continue;
    const has = sql`${products.attrs} @> ${JSON.stringify({ [key]: true })}::jsonb`;
    where.push(v ? has : not(has));
  }
  if (f.resolution) where.push(inArray(sql`${products.attrs}->>'resolution'`, resolutionsAtLeast(f.resolution)));
  if (f.panel) where.push(inArray(sql`${products.attrs}->>'panel'`, f.panel));
  return where;
}

export async function searchCatalog(db: Db, input: CatalogQuery): Promise<CatalogHit[]> {
  const q = CatalogQuery.parse(input);
  const where: SQL[] = filterConditions(q.filters);
  if (q.category) where.push(eq(products.category, q.category));
  if (q.kinds?.length) where.push(inArray(products.kind, q.kinds));
  if (q.minPriceCents !== undefined) where.push(gte(products.priceCents, q.minPriceCents));
  if (q.maxPriceCents !== undefined) where.push(lte(products.priceCents, q.maxPriceCents));
  if (q.inStockOnly) where.push(gte(products.stock, 1));
  const constrained = where.length > 0;

  const text = q.text?.trim() ? q.text.trim().toLowerCase() : undefined;
  const trigram = text ? sql`greatest(word_similarity(${text}, ${products.name}), word_similarity(${text}, ${products.keywords}))` : sql`0`;
  const fullText = text ? sql`ts_rank(search_tsv, ${orTsQuery(text)})` : sql`0`;
  // Trigram similarity ranks only as a (misspelt) match: below it, a short word's shared letters are
  // noise ("gym" shares a trigram with "gaming" and outranked the earbuds "for the gym" in the text).
  const trigramRank = text ? sql`(case when ${trigram} >= ${TRIGRAM_MATCH}::float8 then ${trigram} else 0 end)` : sql`0`;
  const score = sql<number>`(${fullText} + ${trigramRank})`.mapWith(Number);
  // Free words alone must match something ("unicorns" finds nothing); next to real constraints they only rank.
  if (text && !constrained) where.push(sql`(search_tsv @@ ${orTsQuery(text)} or ${trigram} >= ${TRIGRAM_MATCH})`);

  const order: SQL[] = {
    relevance: [desc(score), desc(products.rating), asc(products.priceCents)],
    price_asc: [asc(products.priceCents), desc(score)],
    price_desc: [desc(products.priceCents), desc(score)],
    rating: [desc(products.rating), desc(score), asc(products.priceCents)],
  }[q.sort];
  const rows = await db
    .select({ ...getTableColumns(products), score })
    .from(products)
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order, asc(products.id))
    .limit(q.limit);
  return rows;
}

/** The category/type vocabulary (catalog_terms), for parseProductQuery; small (~260 rows): load once per process. */
export async function listCatalogTerms(db: Db): Promise<Array<{ term: string; category: string; kind: string | null }>> {
  return db.select({ term: catalogTerms.term, category: catalogTerms.category, kind: catalogTerms.kind }).from(catalogTerms).orderBy(asc(catalogTerms.term));
}

export interface NameMatch {
  sku: string;
  name: string;
  /** Trigram word similarity (0..1) of the product's name to its best stretch of the text. */
  score: number;
}

/**
 * Product names mentioned in free text, typos allowed ("nimbus x5", "sable hush pro", "the skylark"),
 * best first. The model part (name without brand) must match on its own, so "nimbus tablets" names
 * no product; once it does, the full name may lift the score ("kestrel k9" → Kestrel K9 Pro).
 * Matches far below the best one (a shared "Pro") are dropped.
 */
export async function resolveProductNames(db: Db, text: string, opts: { minScore?: number; limit?: number } = {}): Promise<NameMatch[]> {
  const t = text.trim().toLowerCase().slice(0, 500);
  if (!t) return [];
  const min = opts.minScore ?? 0.5;
  const model = sql`(case when starts_with(${products.name}, ${products.brand}) then trim(substr(${products.name}, length(${products.brand}) + 1)) else ${products.name} end)`;
  const modelScore = sql`word_similarity(${model}, ${t})`;
  const score = sql<number>`(case when ${modelScore} >= 0.3 then greatest(${modelScore}, word_similarity(${products.name}, ${t})) else ${modelScore} end)`.mapWith(Number);
  const rows = await db
    .select({ sku: products.sku, name: products.name, score })
    .from(products)
    .where(sql`${score} >= ${min}`)
    .orderBy(desc(score), asc(products.id))
    .limit(Math.min(opts.limit ?? 3, 20))
    .prepare('product_names')
    .execute();
  const best = rows[0]?.score ?? 0;
  return rows.filter((r) => r.score >= best - NAME_MATCH_SPREAD);
}

/** How far below the best name match another match may score and still be returned (two products named in one message score alike). */
export const NAME_MATCH_SPREAD = 0.3;
