import { date, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { customers } from './customers';

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderNumber: text('order_number').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    /** processing | shipped | delivered | cancelled */
    status: text('status').notNull(),
    totalCents: integer('total_cents').notNull(),
    shippingMethod: text('shipping_method').notNull(),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    expectedDelivery: date('expected_delivery'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    shippingAddress: text('shipping_address').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('orders_customer_idx').on(t.customerId)],
);

export const orderItems = pgTable(
  'order_items',
  {
    id: serial('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [index('order_items_order_idx').on(t.orderId)],
);
