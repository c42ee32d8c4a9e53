CREATE TABLE "catalog_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"category" text NOT NULL,
	"kind" text,
	"source" text NOT NULL,
	CONSTRAINT "catalog_terms_uniq" UNIQUE NULLS NOT DISTINCT("term","category","kind")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "attrs" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "keywords" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_terms_term_idx" ON "catalog_terms" USING btree ("term");--> statement-breakpoint
CREATE INDEX "products_kind_idx" ON "products" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "products_attrs_ram_idx" ON "products" USING btree ((case when jsonb_typeof("attrs"->'ramGb') = 'number' then ("attrs"->>'ramGb')::float8 end));--> statement-breakpoint
CREATE INDEX "products_attrs_storage_idx" ON "products" USING btree ((case when jsonb_typeof("attrs"->'storageGb') = 'number' then ("attrs"->>'storageGb')::float8 end));--> statement-breakpoint
CREATE INDEX "products_attrs_screen_idx" ON "products" USING btree ((case when jsonb_typeof("attrs"->'screenIn') = 'number' then ("attrs"->>'screenIn')::float8 end));--> statement-breakpoint
CREATE INDEX "products_attrs_refresh_idx" ON "products" USING btree ((case when jsonb_typeof("attrs"->'refreshHz') = 'number' then ("attrs"->>'refreshHz')::float8 end));--> statement-breakpoint
CREATE INDEX "products_attrs_resolution_idx" ON "products" USING btree (("attrs"->>'resolution'));--> statement-breakpoint
CREATE INDEX "products_attrs_gin_idx" ON "products" USING gin ("attrs" jsonb_path_ops);