import { getOrderForCustomer, listOrdersForCustomer, orderBelongsToEmail } from '@em/db/queries/orders';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { kbAnswerOrHandoff, money } from './compose';
import { customerScope } from './scope';

type OrderRow = NonNullable<Awaited<ReturnType<typeof getOrderForCustomer>>>;

function describeOrder(o: OrderRow): string {
  const items = o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ');
  const parts = [`Order ${o.orderNumber} (${items}, total ${money(o.totalCents)}) is ${o.status}.`];
  if (o.status === 'shipped' && o.trackingNumber) parts.push(`It shipped with ${o.carrier ?? 'our carrier'}, tracking number ${o.trackingNumber}.`);
  if (o.status === 'delivered' && o.deliveredAt) parts.push(`It was delivered on ${o.deliveredAt.toISOString().slice(0, 10)}.`);
  else if (o.expectedDelivery) parts.push(`Expected delivery: ${o.expectedDelivery}.`);
  if (o.status === 'processing') parts.push('It has not shipped yet, so it can still be changed or cancelled free of charge.');
  return parts.join(' ');
}

// "When will it arrive?" with no order in context: a known customer gets their orders' dates.
const ABOUT_AN_ORDER = /\b(arriv\w*|when will (it|they|my)|where is (it|my)|track (it|them)|status of (it|my))\b/i;
const MY_ORDERS = /\b(my (orders?|packages?|parcels?|deliver(y|ies)|purchases?)|orders? status|track (my|an?) (order|package))\b/i;

/** "Where are my orders?" from a known customer: their orders, newest first, one line each. */
async function listOrders(ctx: SpecialistContext, customerId: string): Promise<SpecialistResult> {
  const rows = (await listOrdersForCustomer(ctx.deps.db, customerId)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (!rows.length) return { draft: "I don't see any orders on your account yet." };
  const line = (o: (typeof rows)[number]) =>
    `• ${o.orderNumber}: ${o.status}${o.status === 'shipped' && o.trackingNumber ? `, tracking ${o.trackingNumber}` : ''}${o.status !== 'delivered' && o.expectedDelivery ? `, expected ${o.expectedDelivery}` : ''}`;
  const only = rows.length === 1 ? { lastOrderNumber: rows[0]!.orderNumber } : {};
  return { draft: `Here are your orders:\n${rows.slice(0, 5).map(line).join('\n')}`, sources: rows.slice(0, 5).map((o) => `order:${o.orderNumber}`), memory: only };
}

export async function logisticsAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  const orderNumber = entities.orderNumbers[0] ?? (entities.emails.length || /\b(my order|the order|it|that order)\b/i.test(input.text) ? memory.lastOrderNumber : undefined);
  const scoped = customerScope(ctx);
  if (!orderNumber && scoped && (MY_ORDERS.test(input.text) || ABOUT_AN_ORDER.test(input.text))) return listOrders(ctx, scoped);
  if (!orderNumber) {
    const kb = kbAnswerOrHandoff(deps.kb, input.text, 'logistics');
    if (kb) return kb;
    return { draft: 'I can check an order for you — what is the order number (it looks like EM-12345)?', failed: false };
  }
  let scope = customerScope(ctx);
  const memoryUpdate: SpecialistResult['memory'] = { lastOrderNumber: orderNumber };
  if (!scope) {
    // Guest: prove ownership with the email on the order; details only when it matches.
    const email = entities.emails[0];
    if (!email) {
      return { draft: `To protect your privacy, please tell me the email address used for order ${orderNumber}.`, memory: memoryUpdate };
    }
    const owner = await orderBelongsToEmail(deps.db, orderNumber, email);
    if (!owner) {
      return { draft: `I couldn't match order ${orderNumber} with that email address. Please check both and try again.`, memory: memoryUpdate };
    }
    scope = owner;
    Object.assign(memoryUpdate, { provenCustomerId: owner, provenEmail: email });
  }
  const order = await getOrderForCustomer(deps.db, scope, orderNumber);
  if (!order) return { draft: `I couldn't find order ${orderNumber} on your account. Please check the number.`, memory: memoryUpdate, failed: true };
  return { draft: describeOrder(order), sources: [`order:${order.orderNumber}`], memory: memoryUpdate };
}
