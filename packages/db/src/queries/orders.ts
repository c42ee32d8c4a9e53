import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { customers, orderItems, orders, products } from '../schema/index';

export type Order = typeof orders.$inferSelect;

/**
 * Orders are only ever read scoped to a customer id the session proved (DESIGN §6):
 * there is deliberately no "get order by number" without an owner.
 */
export async function getOrderForCustomer(db: Db, customerId: string, orderNumber: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.orderNumber, orderNumber.toUpperCase())));
  if (!row) return null;
  const items = await db
    .select({ name: products.name, quantity: orderItems.quantity, unitPriceCents: orderItems.unitPriceCents })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, row.id));
  return { ...row, items };
}

export async function listOrdersForCustomer(db: Db, customerId: string) {
  return db.select().from(orders).where(eq(orders.customerId, customerId));
}

/** True when an order with this number exists for this email (used to verify a guest). */
export async function orderBelongsToEmail(db: Db, orderNumber: string, email: string) {
  const [row] = await db
    .select({ customerId: customers.id })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.orderNumber, orderNumber.toUpperCase()), eq(customers.email, email.toLowerCase())));
  return row?.customerId ?? null;
}

export async function getCustomerByEmail(db: Db, email: string) {
  const [row] = await db.select().from(customers).where(eq(customers.email, email.toLowerCase()));
  return row ?? null;
}

export async function getCustomerById(db: Db, id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}
