import { describe, expect, it } from 'vitest';
import type { Role } from '@em/contracts/schemas';
import type { ConversationDetail } from '@em/db/queries/console-conversations';
import { buildBrief, draftReply } from './handoff-brief';

const msg = (seq: number, role: Role, text: string, extra: Partial<ConversationDetail['messages'][number]> = {}) => ({
  id: `m${seq}`,
  seq,
  role,
  agent: null,
  authorName: null,
  text,
  createdAt: '2026-11-21T10:00:00.000Z',
  replyTo: null,
  route: null,
  sentiment: null,
  sources: [],
  details: null,
  ...extra,
});

const detail: ConversationDetail = {
  conversation: {
    id: 'c1', status: 'waiting_human', siteKey: 'demo-site', escalationReason: 'negative_sentiment', priority: 50, assignedAgentId: null,
    assignedAgentName: null, waitingSince: null, claimedAt: null, createdAt: '2026-11-21T10:00:00.000Z', resolvedAt: null, csatScore: null, csatComment: null,
  },
  customer: { id: 'u1', name: 'Alice Martin', email: 'alice@example.com', verified: true },
  orders: [
    { orderNumber: 'EM-10002', status: 'processing', totalCents: 5000, carrier: null, trackingNumber: null, expectedDelivery: null, createdAt: '' },
    { orderNumber: 'EM-10001', status: 'shipped', totalCents: 9900, carrier: 'UPS', trackingNumber: '1Z999AA10123456784', expectedDelivery: '2026-11-24', createdAt: '' },
  ],
  messages: [
    msg(1, 'customer', 'Where is EM-10001? This is a disgrace. I want it today.'),
    msg(2, 'bot', 'Order EM-10001 has shipped with UPS. I am bringing in a person.', {
      route: { domain: 'logistics', confidence: 0.9 },
      sentiment: { score: -4, label: 'very_negative' },
      details: { entities: { orderNumbers: ['EM-10001'] } },
    }),
  ],
  events: [{ id: 1, type: 'status_changed', data: { status: 'waiting_human', reason: 'negative_sentiment', detail: 'very negative (-0.8)' }, createdAt: '2026-11-21T10:00:01.000Z' }],
};

describe('handoff brief and drafted reply', () => {
  it('says why it escalated and summarises the conversation from its data', () => {
    const b = buildBrief(detail);
    expect(b.reasonLabel).toBe('Customer is upset');
    expect(b.detail).toBeNull(); // a raw score: the label and the mood sentence say it in words
    expect(b.summary).toBe('Alice Martin (signed in as alice@example.com) has written 1 message about shipping and delivery. They mentioned order EM-10001. They have been very upset throughout.');
    expect(b.mentionedOrders).toEqual(['EM-10001']);
    expect(b.sharedOrders).toEqual([]);
  });

  it('reads like a person wrote it: a mood trend, no label arrows, no button names', () => {
    const bot = (seq: number, label: 'neutral' | 'negative' | 'very_negative') =>
      msg(seq, 'bot', 'Let me check.', { route: { domain: 'support', confidence: 0.8 }, sentiment: { score: 0, label } });
    const d: ConversationDetail = {
      ...detail,
      conversation: { ...detail.conversation, escalationReason: 'customer_request' },
      messages: [msg(1, 'customer', 'hi'), bot(2, 'neutral'), msg(3, 'customer', 'no'), bot(4, 'neutral'), msg(5, 'customer', 'this is bad'), bot(6, 'negative')],
      events: [{ id: 1, type: 'status_changed', data: { status: 'waiting_human', reason: 'customer_request', detail: 'Talk to a person button' }, createdAt: '2026-11-21T10:00:01.000Z' }],
    };
    const b = buildBrief(d);
    expect(b.summary).toBe('Alice Martin (signed in as alice@example.com) has written 3 messages about help with a product, a return or the warranty. They started calm and are now unhappy.');
    expect(b.summary).not.toMatch(/→|Mood|_/);
    expect(b.detail).toBeNull(); // the label says it; the button's name tells the agent nothing
    const calm = buildBrief({ ...d, messages: [msg(1, 'customer', 'hi'), bot(2, 'neutral'), bot(3, 'neutral')] });
    expect(calm.summary).toContain('They have stayed calm.');
    // A score is dropped, the customer's own words (or the AI's cues) are kept.
    const scored = { ...d, events: [{ ...d.events[0]!, data: { status: 'waiting_human', reason: 'negative_sentiment', detail: 'very negative (-0.8)' } }] };
    expect(buildBrief(scored).detail).toBeNull();
    const worded = { ...d, events: [{ ...d.events[0]!, data: { status: 'waiting_human', reason: 'policy', detail: 'refund over limit; lawyer' } }] };
    expect(buildBrief(worded).detail).toBe('refund over limit; lawyer');
  });

  it('says when the AI already shared a guest’s order after checking its email (no “ask for the email”)', () => {
    const guest: ConversationDetail = {
      ...detail,
      customer: null,
      orders: [],
      conversation: { ...detail.conversation, escalationReason: 'customer_request' },
      messages: [
        msg(1, 'customer', 'Where is EM-10001?'),
        msg(2, 'bot', 'To protect your privacy, please tell me the email address used for order EM-10001.', { route: { domain: 'logistics', confidence: 0.9 } }),
        msg(3, 'customer', 'alice@example.com'),
        msg(4, 'bot', 'Order EM-10001 has shipped with UPS.', { route: { domain: 'logistics', confidence: 0.9 }, sources: ['order:EM-10001'] }),
        msg(5, 'customer', 'I want a person'),
      ],
    };
    const b = buildBrief(guest);
    expect(b.sharedOrders).toEqual(['EM-10001']);
    expect(b.summary).toContain('The assistant already looked up order EM-10001 and told them the status, after checking the email on the order.');
    expect(b.summary).not.toContain('They mentioned order EM-10001');
    // Asked for the email but never shared: nothing is claimed.
    expect(buildBrief({ ...guest, messages: guest.messages.slice(0, 2) }).sharedOrders).toEqual([]);
  });

  it('labels every escalation reason, and falls back to the stored event reason', () => {
    const fromEvent = buildBrief({ ...detail, conversation: { ...detail.conversation, escalationReason: null } });
    expect(fromEvent).toMatchObject({ reason: 'negative_sentiment', reasonLabel: 'Customer is upset' });
    const unknown = { ...detail, conversation: { ...detail.conversation, escalationReason: null }, events: [{ ...detail.events[0]!, data: { status: 'waiting_human', reason: 'made_up' } }] };
    expect(buildBrief(unknown)).toMatchObject({ reason: null, reasonLabel: null });
  });

  it('drafts a reply with the name, an apology for the reason and the mentioned order’s real facts', () => {
    const draft = draftReply(detail, 'Sam Rivera');
    expect(draft).toMatch(/^Hi Alice, this is Sam from the ElectroMart support team\. I am sorry this has been so frustrating/);
    expect(draft).toContain('I can see that order EM-10001 is shipped with UPS (tracking number 1Z999AA10123456784), expected on 2026-11-24.');
    expect(draft).toContain('About "Where is EM-10001?');
  });

  it('falls back to the AI’s last answer for a guest with no orders', () => {
    const guest: ConversationDetail = { ...detail, customer: null, orders: [], conversation: { ...detail.conversation, escalationReason: 'customer_request' } };
    const draft = draftReply(guest, 'Sam Rivera');
    expect(draft).toMatch(/^Hi, this is Sam/);
    expect(draft).toContain('To confirm what our assistant said: Order EM-10001 has shipped with UPS.');
  });

  it('drafts about the order the customer asked about, not another one the AI listed', () => {
    const d = {
      ...detail,
      messages: [
        msg(1, 'customer', 'what are my orders?'),
        msg(2, 'bot', 'Here are your orders: EM-10002 processing, EM-10001 shipped.', { details: { entities: { orderNumbers: [] } } }),
        msg(3, 'customer', 'em-10001 still has not arrived, I am furious'),
        msg(4, 'bot', 'I am bringing in a person.', { details: { entities: { orderNumbers: ['EM-10001', 'EM-10002'] } } }),
      ],
    } as typeof detail;
    const draft = draftReply(d, 'Sam Rivera');
    expect(draft).toContain('order EM-10001 is shipped');
    expect(draft).not.toContain('EM-10002');
  });
});

