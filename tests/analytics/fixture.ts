// A small, hand-checked set of conversations for the analytics SQL. Every expected number in
// the suites is derived by hand from this file (see the comments next to each conversation).
import type { AnalyticsEvent } from '@em/contracts/analytics';
import type { Db } from '@em/db/client';
import { consoleUsers, conversationEvents, conversations, messages } from '@em/db/schema';

/** The window the suites query: Sunday 2026-03-01 00:00 → Sunday 2026-03-08 00:00 UTC. */
export const RANGE = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-08T00:00:00Z') };
/** "Now" for the live metrics. */
export const NOW = new Date('2026-03-08T00:00:00Z');

const at = (iso: string) => new Date(`2026-${iso}Z`);
type Ev = AnalyticsEvent & { at: string };
const reply = (at: string, d: Partial<Extract<AnalyticsEvent, { type: 'ai_reply' }>['data']>): Ev => ({
  at,
  type: 'ai_reply',
  data: { messageId: crypto.randomUUID(), domain: 'sales', agent: 'sales', confidence: 0.5, clarifying: false, handoffs: 0, ms: 100, ...d },
});
const rated = (at: string, score: number, comment?: string): Ev => ({ at, type: 'rated', data: { score, ...(comment ? { comment } : {}) } });
/** c1's rating comment: a spreadsheet would run it as a formula unless the CSV defuses it. */
export const COMMENT_C1 = '=HYPERLINK("http://evil.test","Click")';
const status = (at: string, s: 'waiting_human' | 'human' | 'resolved' | 'bot', extra: { reason?: string; agentId?: string } = {}): Ev => ({
  at,
  type: 'status_changed',
  data: { status: s, ...extra },
});

export async function insertFixture(db: Db) {
  const users = await db.select().from(consoleUsers);
  const sam = users.find((u) => u.email === 'agent@electromart.test')!.id;
  const admin = users.find((u) => u.email === 'admin@electromart.test')!.id;
  const oa = (p: number, c: number, cost: number) => ({ provider: 'openai' as const, tokens: { prompt: p, completion: c }, costUsd: cost });

  const convs: { row: Partial<typeof conversations.$inferInsert>; events: Ev[]; msgs?: { role: string; at: string }[] }[] = [
    // c1 Mon 10:00 — AI resolved, CSAT 5 with a comment that looks like a spreadsheet formula (the
    // CSV must defuse it; no agent resolved it); sales 0.9 positive, openai 100/20 $0.001, 1000 ms.
    { row: { createdAt: at('03-02T10:00:00'), status: 'resolved', resolvedAt: at('03-02T10:05:00'), csatScore: 5, csatComment: COMMENT_C1 },
      events: [
        reply('03-02T10:01:00', { confidence: 0.9, sentiment: 'positive', ms: 1000, ...oa(100, 20, 0.001) }),
        status('03-02T10:05:00', 'resolved'),
        rated('03-02T10:06:00', 5, COMMENT_C1),
      ],
      msgs: [{ role: 'customer', at: '03-02T10:00:10' }, { role: 'bot', at: '03-02T10:01:00' }] },
    // c2 Mon 10:30 — AI resolved, CSAT 3; support 0.6 clarifying, then 0.4 fallback (offline).
    { row: { createdAt: at('03-02T10:30:00'), status: 'resolved', resolvedAt: at('03-02T10:40:00'), csatScore: 3 },
      events: [
        reply('03-02T10:31:00', { domain: 'support', agent: 'support', confidence: 0.6, sentiment: 'neutral', clarifying: true, ms: 2000, provider: 'offline' }),
        reply('03-02T10:33:00', { domain: 'support', agent: 'support', confidence: 0.4, sentiment: 'negative', fallback: true, ms: 3000, provider: 'offline' }),
        status('03-02T10:40:00', 'resolved'),
      ],
      msgs: [{ role: 'customer', at: '03-02T10:30:10' }, { role: 'bot', at: '03-02T10:31:00' }, { role: 'customer', at: '03-02T10:32:00' }, { role: 'bot', at: '03-02T10:33:00' }] },
    // c3 Tue 14:00 — logistics 0.85 very_negative → escalated 14:01 → Sam 14:03, first reply 14:04
    // (first response 180 s), resolved by Sam 14:20 (resolution 1,200 s), CSAT 4 at 14:22 ("Sam sorted
    // it"). The customer writes again at 14:30: back to the AI (owner cleared, status bot), logistics
    // 0.9 positive 600 ms offline. Sam keeps the conversation and its rating.
    { row: { createdAt: at('03-03T14:00:00'), status: 'bot', escalationReason: 'negative_sentiment', handledByHuman: true, assignedAgentId: null,
        claimedAt: at('03-03T14:03:00'), firstHumanReplyAt: at('03-03T14:04:00'), resolvedAt: at('03-03T14:20:00'), csatScore: 4,
        csatComment: 'Sam sorted it', lastMessageAt: at('03-03T14:30:20') },
      events: [
        reply('03-03T14:00:30', { domain: 'logistics', agent: 'logistics', confidence: 0.85, sentiment: 'very_negative', ms: 4000, ...oa(200, 50, 0.002) }),
        status('03-03T14:01:00', 'waiting_human', { reason: 'negative_sentiment' }),
        status('03-03T14:03:00', 'human', { agentId: sam }),
        { at: '03-03T14:04:00', type: 'human_reply', data: { messageId: crypto.randomUUID(), agentId: sam } },
        status('03-03T14:20:00', 'resolved', { agentId: sam }),
        rated('03-03T14:22:00', 4, 'Sam sorted it'),
        status('03-03T14:30:20', 'bot', { reason: 'customer_wrote_again' }),
        reply('03-03T14:30:20', { domain: 'logistics', agent: 'logistics', confidence: 0.9, sentiment: 'positive', ms: 600, provider: 'offline' }),
      ],
      msgs: [
        { role: 'customer', at: '03-03T14:00:10' }, { role: 'bot', at: '03-03T14:00:30' }, { role: 'human', at: '03-03T14:04:00' },
        { role: 'customer', at: '03-03T14:30:00' }, { role: 'bot', at: '03-03T14:30:20' },
      ] },
    // c4 Tue 15:00 — writes (15:00:20) and asks for a person before any AI reply (15:00:30) → admin
    // 15:01, first reply 15:02 (90 s), resolved by admin 15:10 (600 s), CSAT 2 "Too slow" at 15:12.
    { row: { createdAt: at('03-03T15:00:00'), status: 'resolved', escalationReason: 'customer_request', handledByHuman: true, assignedAgentId: admin,
        claimedAt: at('03-03T15:01:00'), firstHumanReplyAt: at('03-03T15:02:00'), resolvedAt: at('03-03T15:10:00'), csatScore: 2, csatComment: 'Too slow' },
      events: [
        status('03-03T15:00:30', 'waiting_human', { reason: 'customer_request' }),
        status('03-03T15:01:00', 'human', { agentId: admin }),
        status('03-03T15:10:00', 'resolved', { agentId: admin }),
        rated('03-03T15:12:00', 2, 'Too slow'),
      ],
      msgs: [{ role: 'customer', at: '03-03T15:00:20' }] },
    // c5 Sat 23:45 — sales 0.7 neutral 500 ms (openai 50/10 $0.0005), job timed out, waiting since 23:50.
    { row: { createdAt: at('03-07T23:45:00'), status: 'waiting_human', escalationReason: 'timeout', waitingSince: at('03-07T23:50:00'), lastMessageAt: at('03-07T23:49:00') },
      events: [
        reply('03-07T23:46:00', { confidence: 0.7, sentiment: 'neutral', ms: 500, ...oa(50, 10, 0.0005) }),
        { at: '03-07T23:49:00', type: 'job_failed', data: { messageId: crypto.randomUUID(), error: 'deadline', timedOut: true } },
        status('03-07T23:50:00', 'waiting_human', { reason: 'timeout' }),
      ],
      msgs: [{ role: 'customer', at: '03-07T23:45:30' }] },
    // c6 Sat 23:55 — general 0.3 positive clarifying, 1500 ms offline; still with the AI, idle 4 min at
    // NOW: contained, and resolved by the AI once the idle limit is ≤ 4 min (not at the default 30).
    { row: { createdAt: at('03-07T23:55:00'), status: 'bot', lastMessageAt: at('03-07T23:56:00') },
      events: [reply('03-07T23:56:00', { domain: 'general', agent: 'general', confidence: 0.3, sentiment: 'positive', clarifying: true, ms: 1500, provider: 'offline' })],
      msgs: [{ role: 'customer', at: '03-07T23:55:30' }] },
    // c7 — before the window: must not count anywhere.
    { row: { createdAt: at('02-28T12:00:00'), status: 'resolved', resolvedAt: at('02-28T12:05:00'), csatScore: 1 },
      events: [reply('02-28T12:01:00', { confidence: 0.99, ms: 9000, ...oa(999, 999, 9) }), status('02-28T12:05:00', 'resolved')],
      msgs: [{ role: 'customer', at: '02-28T12:00:10' }, { role: 'bot', at: '02-28T12:01:00' }] },
    // c8 Tue 20:00 — support 0.95 neutral 800 ms (openai 300/40 $0.003) → policy 20:02 → Sam 20:05,
    // first reply 20:06 (240 s); still with Sam (no resolution time, no CSAT).
    { row: { createdAt: at('03-03T20:00:00'), status: 'human', escalationReason: 'policy', handledByHuman: true, assignedAgentId: sam,
        claimedAt: at('03-03T20:05:00'), firstHumanReplyAt: at('03-03T20:06:00'), lastMessageAt: at('03-03T20:06:00') },
      events: [
        reply('03-03T20:01:00', { domain: 'support', agent: 'support', confidence: 0.95, sentiment: 'neutral', ms: 800, ...oa(300, 40, 0.003) }),
        status('03-03T20:02:00', 'waiting_human', { reason: 'policy' }),
        status('03-03T20:05:00', 'human', { agentId: sam }),
      ],
      msgs: [{ role: 'customer', at: '03-03T20:00:30' }] },
    // c9 Wed 09:00 — the widget was opened and nobody typed: not a conversation in any metric.
    { row: { createdAt: at('03-04T09:00:00'), status: 'bot' },
      events: [{ at: '03-04T09:00:00', type: 'conversation_started', data: { siteKey: 'demo-site', verified: false } }] },
  ];

  /** Conversation ids in fixture order: ids[0] is c1 … ids[8] is c9. */
  const ids: string[] = [];
  for (const c of convs) {
    const [row] = await db
      .insert(conversations)
      .values({ siteKey: 'demo-site', lastMessageAt: c.row.createdAt, lastSeq: c.msgs?.length ?? 0, ...c.row })
      .returning();
    const id = row!.id;
    ids.push(id);
    for (const e of c.events) await db.insert(conversationEvents).values({ conversationId: id, type: e.type, data: e.data, createdAt: at(e.at) });
    let seq = 0;
    for (const m of c.msgs ?? []) await db.insert(messages).values({ conversationId: id, seq: ++seq, role: m.role, text: 'x', createdAt: at(m.at) });
  }
  return { sam, admin, ids };
}
