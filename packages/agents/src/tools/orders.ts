import { z } from 'zod';
import { getOrderForCustomer, listOrdersForCustomer, orderBelongsToEmail } from '@em/db/queries/orders';
import { defineTool, type ToolScope } from './types';

export const OrderNumber = z.string().regex(/^EM-\d{5}$/i).transform((s) => s.toUpperCase());
export type OrderDetails = NonNullable<Awaited<ReturnType<typeof getOrderForCustomer>>>;

/**
 * The customer id an order may be read with: the verified customer for any of their orders, or,
 * for a guest, the owner of an order proven in this conversation (that order only).
 */
async function readableOrder(db: Parameters<typeof getOrderForCustomer>[0], scope: ToolScope, orderNumber: string) {
  if (scope.customerId) return getOrderForCustomer(db, scope.customerId, orderNumber);
  if (!scope.provenOrders.includes(orderNumber)) return null;
  // The proof already matched number + email; read the row through its owner.
  const owner = scope.guestEmail ? await orderBelongsToEmail(db, orderNumber, scope.guestEmail) : null;
  return owner ? getOrderForCustomer(db, owner, orderNumber) : null;
}

export const orderGet = defineTool({
  name: 'order_get',
  description: "Status, items, total, carrier, tracking number and expected delivery of one of the customer's orders.",
  input: z.object({ orderNumber: OrderNumber }),
  async run({ db }, scope, { orderNumber }): Promise<{ found: true; order: OrderDetails } | { found: false; reason: 'not_yours' | 'needs_proof' }> {
    if (!scope.customerId && !scope.provenOrders.includes(orderNumber)) return { found: false, reason: 'needs_proof' };
    const order = await readableOrder(db, scope, orderNumber);
    return order ? { found: true, order } : { found: false, reason: 'not_yours' };
  },
});

export const ordersList = defineTool({
  name: 'orders_list',
  description: "The signed-in customer's orders, newest first (empty for a guest).",
  input: z.object({}),
  async run({ db }, scope) {
    if (!scope.customerId) return [];
    const rows = await listOrdersForCustomer(db, scope.customerId);
    return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  },
});

/** Guest proof: true only when this order was placed with this email. Unlocks that order only. */
export const orderProve = defineTool({
  name: 'order_prove',
  description: 'Checks that an order number and the email the guest typed belong together.',
  input: z.object({ orderNumber: OrderNumber, email: z.string().email().max(200) }),
  async run({ db }, _scope, { orderNumber, email }) {
    return { matched: !!(await orderBelongsToEmail(db, orderNumber, email)) };
  },
});
