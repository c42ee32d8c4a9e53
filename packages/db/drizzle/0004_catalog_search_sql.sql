-- Catalog search (hand-written: drizzle-kit does not model extensions, tsvector or operator classes).
-- pg_trgm ships with postgresql-contrib; PGlite loads it only when the instance is created with
-- `extensions: { pg_trgm }` (scripts/lib/services.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- Weighted document: name/brand/type words (A) > category (B) > description (C) > spec values (D).
-- Stored and generated, so writers only ever write the source columns.
ALTER TABLE "products" ADD COLUMN "search_tsv" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "name" || ' ' || "brand"), 'A') ||
  setweight(to_tsvector('english', coalesce("kind", '') || ' ' || "keywords"), 'A') ||
  setweight(to_tsvector('english', "category"), 'B') ||
  setweight(to_tsvector('english', "description"), 'C') ||
  setweight(jsonb_to_tsvector('english', "specs", '["string"]'), 'D')
) STORED;--> statement-breakpoint
CREATE INDEX "products_search_tsv_idx" ON "products" USING gin ("search_tsv");--> statement-breakpoint
-- Typo tolerance ("hedphones", "nimbas x5"): trigram similarity on the name and the type words.
CREATE INDEX "products_name_trgm_idx" ON "products" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_keywords_trgm_idx" ON "products" USING gin ("keywords" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_terms_term_trgm_idx" ON "catalog_terms" USING gin ("term" gin_trgm_ops);
