import { randomUUID } from 'node:crypto';
import type { AnalyticsEvent, EscalationReason } from '@em/contracts/analytics';
import type { conversationEvents, conversations, messages } from '../schema/index';
import { BOT_TEXT, CLARIFYING_TEXT, CUSTOMER_FOLLOWUP, CUSTOMER_TEXT, FALLBACK_TEXT, HANDOFF_TEXT, HUMAN_TEXT } from './history-text';

export type ConvRow = typeof conversations.$inferInsert;
export type MsgRow = typeof messages.$inferInsert;
export type EventRow = typeof conversationEvents.$inferInsert;

/** Deterministic PRNG (mulberry32), so a seed value reproduces the same month. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T extends string>(w: Record<T, number>): T => {
    const entries = Object.entries(w) as [T, number][];
    let x = next() * entries.reduce((s, [, v]) => s + v, 0);
    for (const [k, v] of entries) if ((x -= v) <= 0) return k;
    return entries[entries.length - 1]![0];
  };
  /** Log-normal around `median` (same unit), spread `sigma`. */
  const lognormal = (median: number, sigma: number) =>
    median * Math.exp(sigma * Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next()));
  return { next, pick, weighted, lognormal };
}
export type Rng = ReturnType<typeof rng>;

const SEC = 1000;
const MIN = 60 * SEC;
// Support traffic by UTC hour (relative): quiet nights, a late-morning and an evening peak.
const HOUR_WEIGHT = [2, 1, 1, 1, 1, 2, 3, 5, 7, 9, 10, 10, 9, 9, 9, 8, 8, 8, 9, 10, 9, 7, 5, 3];

/** A start time in the last `days` days, shaped by hour of day and weekday (weekends ~60%). */
export function startTime(r: Rng, now: number, days: number): number {
  for (;;) {
    const t = now - r.next() * days * 86_400_000;
    const d = new Date(t);
    const w = (HOUR_WEIGHT[d.getUTCHours()]! / 10) * ([0, 6].includes(d.getUTCDay()) ? 0.6 : 1);
    if (r.next() < w) return t;
  }
}

export interface SimContext {
  r: Rng;
  now: number;
  siteKey: string;
  agentIds: string[];
}

/** Simulates one conversation along DESIGN §5, emitting rows in the shapes the live pipeline writes. */
export function simulate(ctx: SimContext, start: number, opts: { escalate?: boolean } = {}) {
  const { r, now } = ctx;
  const id = randomUUID();
  const msgs: MsgRow[] = [];
  const events: EventRow[] = [];
  let t = start;
  let seq = 0;
  const conv: ConvRow = { id, siteKey: ctx.siteKey, status: 'bot', createdAt: new Date(start), priority: 0, handledByHuman: false };
  const ev = (e: AnalyticsEvent, at = t) => events.push({ conversationId: id, type: e.type, data: e.data, createdAt: new Date(at) });
  const msg = (m: Omit<MsgRow, 'conversationId' | 'seq' | 'createdAt'>) => {
    const row: MsgRow = { id: randomUUID(), conversationId: id, seq: ++seq, createdAt: new Date(t), ...m };
    msgs.push(row);
    return row.id!;
  };
  const done = () => {
    conv.lastSeq = seq;
    conv.lastMessageAt = new Date(msgs.length ? msgs[msgs.length - 1]!.createdAt!.getTime() : start);
    conv.updatedAt = new Date(Math.min(t, now));
    return { conv, msgs, events };
  };

  ev({ type: 'conversation_started', data: { siteKey: ctx.siteKey, verified: r.next() < 0.35 } });
  const domain = r.weighted({ sales: 30, support: 26, logistics: 24, marketing: 10, general: 10 });
  const touchy = domain === 'support' || domain === 'logistics';
  const turns = 1 + Math.min(4, Math.floor(r.lognormal(1, 0.9)));
  const openai = r.next() < 0.65;
  let worst: 'very_negative' | 'negative' | 'neutral' | 'positive' = 'positive';
  let fallbacks = 0;
  let reason: EscalationReason | null = null;

  for (let i = 0; i < turns && t <= now; i++) {
    const sentiment = r.weighted(
      touchy ? { positive: 15, neutral: 50, negative: 23, very_negative: 12 } : { positive: 35, neutral: 52, negative: 10, very_negative: 3 },
    );
    if (['very_negative', 'negative', 'neutral', 'positive'].indexOf(sentiment) < ['very_negative', 'negative', 'neutral', 'positive'].indexOf(worst)) worst = sentiment;
    const asked = msg({ role: 'customer', text: i === 0 ? r.pick(CUSTOMER_TEXT[domain]!) : r.pick(CUSTOMER_FOLLOWUP), clientMessageId: randomUUID() });
    if (i === 0 && (opts.escalate || r.next() < 0.04)) {
      reason = 'customer_request';
      break;
    }
    if (r.next() < 0.006) {
      // A job that ran past its deadline: apology, then offered to a human (DESIGN §8).
      t += 120 * SEC;
      if (t > now) return done();
      ev({ type: 'job_failed', data: { messageId: asked, error: 'deadline exceeded', timedOut: true } });
      reason = 'timeout';
      break;
    }
    const confidence = Math.min(0.99, Math.max(0.2, 0.55 + r.next() * 0.45 - (r.next() < 0.15 ? 0.3 : 0)));
    const clarifying = confidence < 0.55 && r.next() < 0.6;
    const fallback = !clarifying && r.next() < 0.05;
    const ms = Math.round(openai ? r.lognormal(1900, 0.45) : r.lognormal(180, 0.35));
    const handoffs = r.next() < 0.06 ? 1 : 0;
    t += ms;
    if (t > now) return done();
    const agent = domain;
    if (handoffs) ev({ type: 'agent_handoff', data: { from: domain === 'sales' ? 'marketing' : 'sales', to: agent, reason: 'better suited' } });
    const reply = msg({
      role: 'bot',
      agent,
      text: clarifying ? CLARIFYING_TEXT : fallback ? FALLBACK_TEXT : r.pick(BOT_TEXT[domain]!),
      replyTo: asked,
      route: { domain, confidence: Math.round(confidence * 1000) / 1000 },
      sentiment: { score: { very_negative: -3, negative: -1, neutral: 0, positive: 2 }[sentiment], label: sentiment },
      details: { totalMs: ms, clarifying },
    });
    const prompt = Math.round(r.lognormal(900, 0.3));
    const completion = Math.round(r.lognormal(120, 0.4));
    ev({
      type: 'ai_reply',
      data: {
        messageId: reply, domain, confidence: Math.round(confidence * 1000) / 1000, agent, sentiment, clarifying, handoffs, fallback, ms,
        provider: openai ? 'openai' : 'offline',
        // gpt-4o-mini list prices: $0.15 / 1M prompt tokens, $0.60 / 1M completion tokens.
        ...(openai ? { tokens: { prompt, completion }, costUsd: Math.round((prompt * 0.15 + completion * 0.6)) / 1e6 } : {}),
      },
    });
    if (fallback && ++fallbacks >= 2) reason = 'ai_failed';
    else if (sentiment === 'very_negative' && r.next() < 0.55) reason = 'negative_sentiment';
    else if (domain === 'support' && r.next() < 0.025) reason = 'policy';
    else if (r.next() < 0.025) reason = 'customer_request';
    if (reason) break;
    t += r.lognormal(45 * SEC, 0.6);
  }
  if (t > now) return done();

  if (!reason) {
    // Contained: most are closed by the customer or after inactivity; some just go quiet.
    if (r.next() < 0.82) {
      t += r.lognormal(2 * MIN, 0.5);
      if (t > now) return done();
      conv.status = 'resolved';
      conv.resolvedAt = new Date(t);
      ev({ type: 'status_changed', data: { status: 'resolved', detail: 'customer closed the chat' } });
      rate(ctx, conv, ev, t, worst, false);
    }
    return done();
  }

  t += 200;
  conv.status = 'waiting_human';
  conv.escalationReason = reason;
  conv.priority = worst === 'very_negative' ? 2 : worst === 'negative' ? 1 : 0;
  conv.waitingSince = new Date(t);
  ev({ type: 'status_changed', data: { status: 'waiting_human', reason } });
  msg({ role: 'system', text: HANDOFF_TEXT });
  if (r.next() < 0.07) {
    // Nobody online (nights): a ticket is opened and the conversation goes back to the AI.
    ev({ type: 'ticket_created', data: { ticketNumber: `TCK-${Math.floor(100000 + r.next() * 900000)}`, reason } });
    if (t + 10 * MIN > now) return done();
    t += 10 * MIN;
    conv.status = 'bot';
    conv.waitingSince = null;
    ev({ type: 'status_changed', data: { status: 'bot', reason: 'no agent online' } });
    return done();
  }
  t += r.lognormal(75 * SEC, 0.8);
  if (t > now) return done();
  const agentId = r.pick(ctx.agentIds);
  Object.assign(conv, { status: 'human', waitingSince: null, claimedAt: new Date(t), handledByHuman: true, assignedAgentId: agentId });
  ev({ type: 'status_changed', data: { status: 'human', agentId } });
  const exchanges = 1 + Math.floor(r.next() * 3);
  for (let i = 0; i < exchanges; i++) {
    t += r.lognormal(i === 0 ? 40 * SEC : 90 * SEC, 0.6);
    if (t > now) return done();
    const hm = msg({ role: 'human', text: HUMAN_TEXT[Math.min(i, HUMAN_TEXT.length - 1)]!, authorName: 'Agent' });
    if (i === 0) conv.firstHumanReplyAt = new Date(t);
    ev({ type: 'human_reply', data: { messageId: hm, agentId } });
    t += r.lognormal(50 * SEC, 0.6);
    if (t > now) return done();
    msg({ role: 'customer', text: r.pick(CUSTOMER_FOLLOWUP), clientMessageId: randomUUID() });
  }
  t += r.lognormal(3 * MIN, 0.5);
  if (t > now) return done();
  conv.status = 'resolved';
  conv.resolvedAt = new Date(t);
  ev({ type: 'status_changed', data: { status: 'resolved', agentId } });
  rate(ctx, conv, ev, t, worst, true);
  return done();
}

function rate(ctx: SimContext, conv: ConvRow, ev: (e: AnalyticsEvent, at?: number) => void, t: number, worst: string, human: boolean) {
  if (ctx.r.next() > 0.38 || t + 5 * SEC > ctx.now) return;
  const base = human ? 4.3 : 4.0;
  const mood = { very_negative: -1.4, negative: -0.7, neutral: 0, positive: 0.5 }[worst] ?? 0;
  const score = Math.max(1, Math.min(5, Math.round(base + mood + (ctx.r.next() - 0.5) * 2)));
  conv.csatScore = score;
  ev({ type: 'rated', data: { score } }, t + 5 * SEC);
}
