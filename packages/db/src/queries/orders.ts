import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { customers, orderItems, orders, products } from '../schema/index';

export type Order = typeof orders.$inferSelect;

// The reads a turn makes are prepared once per connection (`.prepare(name)`: postgres.js keys them
// by their text): one round trip and no planning per call instead of two and a plan (issue 18).

/**
 * Orders are only ever read scoped to a customer id the session proved (DESIGN §6):
 * there is deliberately no "get order by number" without an owner.
 */
export async function getOrderForCustomer(db: Db, customerId: string, orderNumber: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.customerId, customerId), eq(orders.orderNumber, orderNumber.toUpperCase())))
    .prepare('order_of_customer')
    .execute();
  if (!row) return null;
  const items = await db
    .select({ name: products.name, quantity: orderItems.quantity, unitPriceCents: orderItems.unitPriceCents })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(eq(orderItems.orderId, row.id))
    .prepare('order_items')
    .execute();
  return { ...row, items };
}

export async function listOrdersForCustomer(db: Db, customerId: string) {
  return db.select().from(orders).where(eq(orders.customerId, customerId)).prepare('orders_of_customer').execute();
}

/** True when an order with this number exists for this email (used to verify a guest). */
export async function orderBelongsToEmail(db: Db, orderNumber: string, email: string) {
  const [row] = await db
    .select({ customerId: customers.id })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(eq(orders.orderNumber, orderNumber.toUpperCase()), eq(customers.email, email.toLowerCase())))
    .prepare('order_of_email')
    .execute();
  return row?.customerId ?? null;
}

export async function getCustomerByEmail(db: Db, email: string) {
  const [row] = await db.select().from(customers).where(eq(customers.email, email.toLowerCase()));
  return row ?? null;
}

export async function getCustomerById(db: Db, id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).prepare('customer_by_id').execute();
  return row ?? null;
}
