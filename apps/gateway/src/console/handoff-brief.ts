import { ESCALATION_REASON_LABELS, EscalationReason } from '@em/contracts/analytics';
import type { HandoffBrief } from '@em/contracts/rest';
import type { ConversationDetail } from '@em/db/queries/console-conversations';

type Msg = ConversationDetail['messages'][number];
const firstSentence = (t: string) => (t.match(/^[^.!?\n]{1,220}[.!?]?/)?.[0] ?? t.slice(0, 220)).trim();
const clip = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t);
const orderNumbersIn = (m: Msg) => {
  const e = (m.details as { entities?: { orderNumbers?: string[] } } | null)?.entities;
  return e?.orderNumbers ?? [];
};

const ORDER_NO = /\bEM-?\d{5}\b/gi;
/** The order number in the customer's latest message that names one. */
export function lastOrderAskedAbout(d: Pick<ConversationDetail, 'messages'>): string | undefined {
  for (const m of [...d.messages].reverse()) {
    if (m.role !== 'customer') continue;
    const found = m.text.match(ORDER_NO);
    if (found?.length) return found.at(-1)!.toUpperCase().replace(/^EM-?/, 'EM-');
  }
  return undefined;
}

/** What a route's domain means to the agent reading the brief (general and human say nothing). */
const TOPIC: Partial<Record<string, string>> = {
  sales: 'buying a product',
  marketing: 'offers and promotions',
  support: 'help with a product, a return or the warranty',
  logistics: 'shipping and delivery',
};
const MOOD: Record<string, string> = {
  very_negative: 'very upset',
  negative: 'unhappy',
  neutral: 'calm',
  positive: 'happy',
  very_positive: 'very happy',
};
const listOf = (xs: string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Orders the AI already looked up and told the customer about: a bot turn cites `order:EM-…` as its
 * source only after reading the order from the store, and for a guest only after the order's email
 * matched (the logistics specialist's proof). So the agent need not ask for that email again.
 */
export function ordersSharedByAi(d: Pick<ConversationDetail, 'messages'>): string[] {
  const shared = d.messages.filter((m) => m.role === 'bot').flatMap((m) => m.sources.filter((s) => s.startsWith('order:')).map((s) => s.slice('order:'.length)));
  return [...new Set(shared)];
}

/** One sentence on how the customer felt over the AI's turns (a trend, not a list of labels). */
function moodSentence(labels: string[]): string | null {
  const moods = labels.map((l) => MOOD[l]).filter((m): m is string => !!m);
  const first = moods[0];
  const last = moods.at(-1);
  if (!first || !last) return null;
  if (moods.every((m) => m === first)) return first === 'calm' ? 'They have stayed calm.' : `They have been ${first} throughout.`;
  return first === last ? `They are ${last}.` : `They started ${first} and are now ${last}.`;
}

/**
 * The escalation's detail when it tells the agent something: the label already says why, so an
 * interface name ("Talk to a person button") or a raw score ("very negative (-0.8)") is dropped.
 */
function readableDetail(detail: unknown): string | null {
  if (typeof detail !== 'string' || !detail.trim()) return null;
  if (/\bbutton\b/i.test(detail) || /^(very )?(negative|positive|neutral) \(-?[\d.]+\)$/i.test(detail.trim())) return null;
  return detail.trim();
}

/** Why it escalated, a short summary written for the agent, and the customer's last words. */
export function buildBrief(d: ConversationDetail): HandoffBrief {
  const escalation = [...d.events].reverse().find((e) => e.type === 'status_changed' && e.data.status === 'waiting_human');
  const reason = d.conversation.escalationReason ?? EscalationReason.safeParse(escalation?.data.reason).data ?? null;
  const customerTurns = d.messages.filter((m) => m.role === 'customer');
  const botTurns = d.messages.filter((m) => m.role === 'bot');
  const topics = [...new Set(botTurns.map((m) => (m.route ? TOPIC[m.route.domain] : undefined)).filter((t): t is string => !!t))];
  const sentiments = botTurns.map((m) => m.sentiment?.label).filter((l): l is NonNullable<typeof l> => !!l);
  const mentionedOrders = [...new Set(d.messages.flatMap(orderNumbersIn))];
  const sharedOrders = ordersSharedByAi(d);
  const otherOrders = mentionedOrders.filter((o) => !sharedOrders.includes(o));
  const lastCustomer = customerTurns.at(-1);
  // The customer's files go with the hand-off (issue 20): a damaged item's photo, a receipt.
  const files = customerTurns.flatMap((m) => m.attachments ?? []);
  const who = d.customer ? `${d.customer.name} (signed in as ${d.customer.email})` : 'A guest (not signed in)';
  const sentences = [
    `${who} has written ${plural(customerTurns.length, 'message')}${topics.length ? ` about ${listOf(topics)}` : ''}.`,
    sharedOrders.length
      ? `The assistant already looked up ${sharedOrders.length === 1 ? 'order' : 'orders'} ${listOf(sharedOrders)} and told them the status${d.customer ? '' : ', after checking the email on the order'}.`
      : null,
    otherOrders.length ? `They mentioned ${otherOrders.length === 1 ? 'order' : 'orders'} ${listOf(otherOrders)}.` : null,
    moodSentence(sentiments),
    files.length ? `They sent ${plural(files.length, 'file')}: ${listOf(files.map((f) => f.name))}.` : null,
  ];
  return {
    reason,
    reasonLabel: reason ? ESCALATION_REASON_LABELS[reason].brief : null,
    detail: readableDetail(escalation?.data.detail),
    escalatedAt: escalation?.createdAt ?? null,
    summary: sentences.filter(Boolean).join(' '),
    lastCustomerMessage: lastCustomer ? clip(lastCustomer.text, 300) : null,
    mentionedOrders,
    sharedOrders,
    ...(files.length ? { attachments: files } : {}),
  };
}

/**
 * A first reply for the agent to edit, composed from the conversation's data: the customer's name,
 * why it escalated, their last message, the order facts and the AI's last answer. Not a model
 * output, and labelled as a draft in the console.
 */
export function draftReply(d: ConversationDetail, agentName: string): string {
  const brief = buildBrief(d);
  const first = d.customer?.name.split(' ')[0];
  const parts: string[] = [`Hi${first ? ` ${first}` : ''}, this is ${agentName.split(' ')[0]} from the ElectroMart support team.`];
  const opening: Record<EscalationReason, string> = {
    negative_sentiment: 'I am sorry this has been so frustrating, and I have read through everything you wrote.',
    customer_request: 'Thanks for waiting; I have read through the conversation so far.',
    ai_failed: 'Sorry our assistant could not answer that; I will take it from here.',
    policy: 'This needs a decision from our team, so I will handle it for you personally.',
    timeout: 'Sorry for the delay in answering; I will take it from here.',
  };
  parts.push(brief.reason ? opening[brief.reason] : 'I will take it from here.');
  if (brief.lastCustomerMessage) parts.push(`About "${clip(firstSentence(brief.lastCustomerMessage), 90)}":`);
  // The order the customer last asked about, in their own words; the AI's entities list every order
  // a turn touched (an order list, a cross-reference), which named the wrong order before.
  const orderNo = lastOrderAskedAbout(d) ?? brief.mentionedOrders.at(-1);
  const order = d.orders.find((o) => o.orderNumber === orderNo) ?? (d.orders.length === 1 ? d.orders[0] : undefined);
  if (order) {
    let facts = `order ${order.orderNumber} is ${order.status}`;
    if (order.carrier && order.trackingNumber) facts += ` with ${order.carrier} (tracking number ${order.trackingNumber})`;
    if (order.expectedDelivery && order.status !== 'delivered') facts += `, expected on ${order.expectedDelivery}`;
    parts.push(`I can see that ${facts}.`);
  } else {
    const aiLast = [...d.messages].reverse().find((m) => m.role === 'bot' && !(m.details as { clarifying?: boolean } | null)?.clarifying);
    if (aiLast) parts.push(`To confirm what our assistant said: ${firstSentence(aiLast.text)}`);
  }
  parts.push('Let me sort this out for you now.');
  return parts.join(' ');
}
