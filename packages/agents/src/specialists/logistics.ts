import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { orderGet, orderProve, ordersList, type OrderDetails } from '../tools/orders';
import { kbAnswerOrHandoff, money } from './compose';
import { toolScope } from './scope';

const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

export function describeOrder(o: OrderDetails): string {
  const items = o.items.map((i) => `${i.quantity}× ${i.name}`).join(', ');
  const parts = [`Order ${o.orderNumber} (${items}, total ${money(o.totalCents)}) is ${o.status}.`];
  if (o.status === 'shipped' && o.trackingNumber) parts.push(`It shipped with ${o.carrier ?? 'our carrier'}, tracking number ${o.trackingNumber}.`);
  if (o.status === 'delivered' && o.deliveredAt) parts.push(`It was delivered on ${day(o.deliveredAt)}.`);
  else if (o.expectedDelivery) parts.push(`Expected delivery: ${o.expectedDelivery}.`);
  if (o.status === 'processing') parts.push('It has not shipped yet, so it can still be changed or cancelled free of charge.');
  return parts.join(' ');
}

// "When will it arrive?" with no order in context: a known customer gets their orders' dates.
const ABOUT_AN_ORDER = /\b(tracking( number)?|(hasn'?t|has not|haven'?t|didn'?t|did not|never|still not|not yet) (come|came|arrived?|shown up|turned up|been delivered|got here|gotten here|shipped)|been (delivered|shipped|dispatched)|(delivered|shipped|dispatched) yet|did my \w+ (ship|arrive)|arriv\w*|when will (it|they|my)|where('s| is) (it|my)|track (it|them)|status of (it|my)|my (package|parcel|delivery|stuff))\b/i;
const MY_ORDERS = /\b((my|any|all) (orders?|packages?|parcels?|deliver(y|ies)|purchases?)|orders? (status|with you|history)|track (my|an?) (order|package))\b/i;
const OTHER_ORDER = /\b(other|another|second|first|older|newer|previous) (order|one|package|purchase)\b|\bthe other\b/i;
const REFERS_TO_ORDER = /\b(my order|the order|it|that order|this order|that one|the package)\b/i;
const STATUS_PICK = /\b(?:which|what) (?:one|order|of them|of my orders)?\s*(?:has|have|is|are|was)?\s*(?:already |been |now )*(shipped|delivered|processing|dispatched)\b/i;
// "How do I cancel my order?", "is there a fee to change my order's address?": a policy question, not a lookup.
const HOW_OR_POLICY = /\b(cancel\w*|fees?|charge|change|address|return\w*|refund\w*|how (do|can|should) i|can i|policy)\b/i;
/** Guest proofs allowed per conversation before the chat stops checking (order numbers are sequential). */
export const MAX_PROOF_ATTEMPTS = 5;

/** "Where are my orders?" from a known customer: their orders, newest first, one line each. */
async function listOrders(ctx: SpecialistContext): Promise<SpecialistResult> {
  const rows = await ordersList.run(ctx.deps, toolScope(ctx), {});
  if (!rows.length) return { draft: "I don't see any orders on your account yet." };
  const line = (o: (typeof rows)[number]) =>
    `• ${o.orderNumber}: ${o.status}${o.status === 'shipped' && o.trackingNumber ? `, tracking ${o.trackingNumber}` : ''}${o.status !== 'delivered' && o.expectedDelivery ? `, expected ${o.expectedDelivery}` : ''}`;
  const only = rows.length === 1 ? { lastOrderNumber: rows[0]!.orderNumber } : {};
  return { draft: `Here are your orders:\n${rows.slice(0, 5).map(line).join('\n')}`, sources: rows.slice(0, 5).map((o) => `order:${o.orderNumber}`), memory: only };
}

/** The customer's order whose items the message names ("my laptop", "the headphones"). */
async function orderWithItem(ctx: SpecialistContext): Promise<string | undefined> {
  const words = new Set((ctx.input.text.toLowerCase().match(/[a-z]{3,}/g) ?? []).map((w) => w.replace(/s$/, '')));
  const kinds = ctx.deps.catalog;
  const rows = await ordersList.run(ctx.deps, toolScope(ctx), {});
  const scope = toolScope(ctx);
  const matches: string[] = [];
  for (const o of rows) {
    const got = await orderGet.run(ctx.deps, scope, { orderNumber: o.orderNumber });
    if (!got.found) continue;
    const itemWords = got.order.items.flatMap((i) => {
      const p = kinds.find((k) => k.name === i.name);
      const kind = (p as { kind?: string | null } | undefined)?.kind;
      return [...i.name.toLowerCase().split(/\W+/), ...(p?.category ? [p.category.replace(/s$/, ''), p.category] : []), ...(kind ? [kind] : [])];
    });
    if (itemWords.some((w) => w.length >= 3 && words.has(w.replace(/s$/, '')))) matches.push(o.orderNumber);
  }
  return matches.length === 1 ? matches[0] : undefined;
}

/** "And my other order?": the customer's order that is not the one just discussed. */
async function otherOrder(ctx: SpecialistContext): Promise<string | undefined> {
  const { memory } = ctx;
  if (memory.previousOrderNumber && memory.previousOrderNumber !== memory.lastOrderNumber) return memory.previousOrderNumber;
  const rows = await ordersList.run(ctx.deps, toolScope(ctx), {});
  return rows.find((o) => o.orderNumber !== memory.lastOrderNumber)?.orderNumber;
}

const focusOn = (ctx: SpecialistContext, orderNumber: string) =>
  orderNumber === ctx.memory.lastOrderNumber ? { lastOrderNumber: orderNumber } : { lastOrderNumber: orderNumber, previousOrderNumber: ctx.memory.lastOrderNumber };

export async function logisticsAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  const scope = toolScope(ctx);
  let orderNumber: string | undefined = entities.orderNumbers[0];
  if (!orderNumber && scope.customerId && memory.lastOrderNumber && OTHER_ORDER.test(input.text)) orderNumber = await otherOrder(ctx);
  if (!orderNumber && (entities.emails.length || REFERS_TO_ORDER.test(input.text))) orderNumber = memory.lastOrderNumber;
  // "What's the tracking number?" right after an order was discussed: that order.
  if (!orderNumber && memory.lastOrderNumber && ABOUT_AN_ORDER.test(input.text) && !MY_ORDERS.test(input.text)) orderNumber = memory.lastOrderNumber;
  if (!orderNumber && scope.customerId && (MY_ORDERS.test(input.text) || ABOUT_AN_ORDER.test(input.text))) {
    // "I ordered a laptop and it still hasn't come": the order holding that product, else the list.
    const byItem = await orderWithItem(ctx);
    if (byItem) orderNumber = byItem;
    else return listOrders(ctx);
  }
  if (!orderNumber && scope.customerId && STATUS_PICK.test(input.text)) {
    // "Which one has already shipped?" after the order list: the orders in that status.
    const want = STATUS_PICK.exec(input.text)![1]!.toLowerCase();
    const status = want.startsWith('deliver') ? 'delivered' : want.startsWith('process') ? 'processing' : 'shipped';
    const rows = (await ordersList.run(deps, scope, {})).filter((o) => o.status === status);
    if (rows.length === 1) orderNumber = rows[0]!.orderNumber;
    else if (!rows.length) return { draft: `None of your orders is ${status} right now.` };
  }
  if (!orderNumber && !scope.customerId && (MY_ORDERS.test(input.text) || ABOUT_AN_ORDER.test(input.text)) && !HOW_OR_POLICY.test(input.text)) {
    return { draft: 'I can check that for you. What is the order number (it looks like EM-12345), and the email address you used for the order?' };
  }
  if (!orderNumber) {
    const kb = kbAnswerOrHandoff(deps.kb, input.text, 'logistics', memory.lastTopic);
    if (kb) return kb;
    return { draft: 'I can check an order for you — what is the order number (it looks like EM-12345)?' };
  }
  const memoryUpdate: NonNullable<SpecialistResult['memory']> = focusOn(ctx, orderNumber);
  if (!scope.customerId && !scope.provenOrders.includes(orderNumber)) {
    // Guest: prove this order with its email; the proof unlocks this order only.
    const email = entities.emails[0];
    if (!email) return { draft: `To protect your privacy, please tell me the email address used for order ${orderNumber}.`, memory: memoryUpdate };
    const attempts = memory.proofAttempts ?? 0;
    if (attempts >= MAX_PROOF_ATTEMPTS) {
      return {
        draft: 'I can’t check more order and email combinations in this chat. Please sign in to your account to see your orders, or ask me for a person from our team.',
        memory: memoryUpdate,
      };
    }
    const { matched } = await orderProve.run(deps, scope, { orderNumber, email });
    if (!matched) {
      // Asked again, never escalated: a typo in an email is not a failure of the conversation.
      return {
        draft: `I couldn't match order ${orderNumber} with that email address. Could you check the order number and the email you used when ordering, and send them again?`,
        memory: { ...memoryUpdate, proofAttempts: attempts + 1 },
      };
    }
    Object.assign(memoryUpdate, { provenOrders: [...scope.provenOrders, orderNumber], provenEmail: email });
    scope.provenOrders = [...scope.provenOrders, orderNumber];
    scope.guestEmail = email;
  }
  const got = await orderGet.run(deps, scope, { orderNumber });
  if (!got.found) {
    return { draft: `I couldn't find order ${orderNumber} on your account. Please check the number.`, memory: memoryUpdate };
  }
  return { draft: describeOrder(got.order), sources: [`order:${got.order.orderNumber}`], memory: memoryUpdate };
}
