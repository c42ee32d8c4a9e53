import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, serial, text, unique } from 'drizzle-orm/pg-core';
import type { NumericAttr, ProductAttrs } from '../catalog-attrs';

/** A numeric key of products.attrs as float8 (null when absent); the search query and the indexes share it. */
export const attrNumber = (key: NumericAttr) =>
  sql`(case when jsonb_typeof(${sql.raw(`"attrs"->'${key}'`)}) = 'number' then (${sql.raw(`"attrs"->>'${key}'`)})::float8 end)`;

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    brand: text('brand').notNull(),
    category: text('category').notNull(),
    /** Integer cents: no float rounding on money. */
    priceCents: integer('price_cents').notNull(),
    stock: integer('stock').notNull(),
    description: text('description').notNull(),
    specs: jsonb('specs').$type<Record<string, string>>().notNull(),
    rating: real('rating').notNull().default(0),
    /** Typed facts parsed from `specs` (seed/spec-attrs.ts), refreshed at every seed. */
    attrs: jsonb('attrs').$type<ProductAttrs>().notNull().default({}),
    /** The product's type noun ("drone", "monitor", "tv"): a 4K monitor is not a TV. Null when unknown. */
    kind: text('kind'),
    /** The kind's nouns and synonyms (with plurals), searched by full text and trigram. */
    keywords: text('keywords').notNull().default(''),
    // Also in the table, not mapped here so `select()` rows stay small: `search_tsv tsvector` (stored,
    // generated over name, brand, kind, keywords, category, description and spec values) with its GIN
    // index, and trigram GIN indexes on name and keywords: migration 0004_catalog_search_sql.sql.
  },
  (t) => [
    index('products_category_idx').on(t.category),
    index('products_price_idx').on(t.priceCents),
    index('products_kind_idx').on(t.kind),
    // Range filters of catalog search (expression indexes; the query uses the same attrNumber()).
    index('products_attrs_ram_idx').on(attrNumber('ramGb')),
    index('products_attrs_storage_idx').on(attrNumber('storageGb')),
    index('products_attrs_screen_idx').on(attrNumber('screenIn')),
    index('products_attrs_refresh_idx').on(attrNumber('refreshHz')),
    index('products_attrs_resolution_idx').on(sql`(${t.attrs}->>'resolution')`),
    // Boolean/enum filters as containment (attrs @> '{"anc":true}').
    index('products_attrs_gin_idx').using('gin', sql`${t.attrs} jsonb_path_ops`),
  ],
);

/**
 * Words customers use for a category or a product type. `kind` null: the word names the whole
 * category ("audio"); otherwise it names products of that kind in that category ("drone" → cameras/drone).
 * Seeded from seed/catalog-terms-data.ts plus the kinds found in the catalog (seed/catalog-terms.ts).
 */
export const catalogTerms = pgTable(
  'catalog_terms',
  {
    id: serial('id').primaryKey(),
    /** Lower case, hyphens as spaces ("e reader"). */
    term: text('term').notNull(),
    category: text('category').notNull(),
    kind: text('kind'),
    /** 'curated' (category words) or 'catalog' (mined from product names and descriptions). */
    source: text('source').notNull(),
  },
  (t) => [unique('catalog_terms_uniq').on(t.term, t.category, t.kind).nullsNotDistinct(), index('catalog_terms_term_idx').on(t.term)],
);
export type CatalogTermRow = typeof catalogTerms.$inferSelect;
