import { index, integer, jsonb, pgTable, real, serial, text } from 'drizzle-orm/pg-core';

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
  },
  (t) => [index('products_category_idx').on(t.category), index('products_price_idx').on(t.priceCents)],
);
