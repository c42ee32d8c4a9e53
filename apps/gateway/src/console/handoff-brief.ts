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

/** Why it escalated, a short summary of the conversation, and the customer with their orders. */
export function buildBrief(d: ConversationDetail): HandoffBrief {
  const escalation = [...d.events].reverse().find((e) => e.type === 'status_changed' && e.data.status === 'waiting_human');
  const reason = d.conversation.escalationReason ?? EscalationReason.safeParse(escalation?.data.reason).data ?? null;
  const customerTurns = d.messages.filter((m) => m.role === 'customer');
  const botTurns = d.messages.filter((m) => m.role === 'bot');
  const domains = [...new Set(botTurns.map((m) => m.route?.domain).filter(Boolean))] as string[];
  const sentiments = botTurns.map((m) => m.sentiment?.label).filter(Boolean) as string[];
  const mentionedOrders = [...new Set(d.messages.flatMap(orderNumbersIn))];
  const lastCustomer = customerTurns.at(-1);
  const who = d.customer ? `${d.customer.name} (verified, ${d.customer.email})` : 'A guest (not signed in)';
  const summary = [
    `${who} wrote ${customerTurns.length} message${customerTurns.length === 1 ? '' : 's'}`,
    domains.length ? `about ${domains.join(', ')}` : null,
    mentionedOrders.length ? `mentioning ${mentionedOrders.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    reason,
    reasonLabel: reason ? ESCALATION_REASON_LABELS[reason].brief : null,
    detail: typeof escalation?.data.detail === 'string' ? escalation.data.detail : null,
    escalatedAt: escalation?.createdAt ?? null,
    summary: `${summary}.${sentiments.length ? ` Mood over the turns: ${sentiments.join(' → ').replace(/_/g, ' ')}.` : ''}`,
    lastCustomerMessage: lastCustomer ? clip(lastCustomer.text, 300) : null,
    mentionedOrders,
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
