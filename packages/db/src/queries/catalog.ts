import { and, asc, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { products } from '../schema/index';

export type Product = typeof products.$inferSelect;

export interface ProductQuery {
  text?: string;
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStockOnly?: boolean;
  limit?: number;
}

/** Parameterised search; every value reaches Postgres as a bind parameter. */
export async function searchProducts(db: Db, q: ProductQuery): Promise<Product[]> {
  const where: SQL[] = [];
  if (q.category) where.push(eq(products.category, q.category));
  if (q.minPriceCents !== undefined) where.push(gte(products.priceCents, q.minPriceCents));
  if (q.maxPriceCents !== undefined) where.push(lte(products.priceCents, q.maxPriceCents));
  if (q.inStockOnly) where.push(gte(products.stock, 1));
  if (q.text) {
    const like = `%${q.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(products.name, like), ilike(products.brand, like), ilike(products.description, like))!);
  }
  return db
    .select()
    .from(products)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(products.rating), asc(products.priceCents))
    .limit(q.limit ?? 5);
}

export async function listProducts(db: Db, limit = 100): Promise<Product[]> {
  return db.select().from(products).orderBy(asc(products.category), asc(products.priceCents)).limit(limit);
}

export async function getProductsBySku(db: Db, skus: string[]): Promise<Product[]> {
  if (!skus.length) return [];
  return db.select().from(products).where(or(...skus.map((s) => eq(products.sku, s))));
}
