// Issue 16 (StrykerJS, `agents` group): DESIGN §5's escalation decision, rule by rule. The graph suites
// reach it only through whole conversations, where one rule usually hides another; here each rule is
// fed the exact state it reads, and the handoff text the customer sees is checked word for word.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadKnowledgeBase } from '@em/agents/kb/kb';
import { decideEscalation, makeEscalationNode } from '@em/agents/graph/escalation';
import type { TurnStateT } from '@em/agents/graph/state';
import type { ComplaintSignal } from '@em/agents/nlu/complaint';

const kb = loadKnowledgeBase(path.join(import.meta.dirname, '../../knowledge-base'));
const node = makeEscalationNode({ kb });

/** A turn state with only what the escalation node reads; everything else is irrelevant to it. */
function state(over: Partial<TurnStateT> & { text?: string } = {}): TurnStateT {
  const { text = 'hello', ...rest } = over;
  return {
    input: { text, history: [], memory: { lastProductSkus: [], failures: 0, negativeStreak: 0 } },
    memory: { lastProductSkus: [], failures: 0, negativeStreak: 0 },
    sources: [],
    parts: [],
    handoffs: [],
    calls: [],
    timings: {},
    ...rest,
  } as TurnStateT;
}

const complaint = (level: ComplaintSignal['level'], kinds: ComplaintSignal['kinds'] = [], cues: string[] = []): ComplaintSignal => ({
  level,
  kinds,
  cues,
  score: level === 'none' ? 0 : 0.9,
});
const sentiment = (urgent: boolean) => ({ score: -5, comparative: -1, label: 'negative', urgent }) as unknown as TurnStateT['sentiment'];

describe('decideEscalation (DESIGN §5)', () => {
  it('keeps an escalation the orchestrator already decided (the customer asked for a person)', () => {
    const asked = { reason: 'customer_request' as const, detail: 'customer asked for a person' };
    const s = state({ escalation: asked, complaint: complaint('escalate', ['legal'], ['mentions a lawyer']), memory: { lastProductSkus: [], failures: 5, negativeStreak: 5 } });
    expect(decideEscalation(s)).toBe(asked);
  });

  it.each(['legal', 'safety', 'fraud'] as const)('a %s complaint is a policy case', (kind) => {
    expect(decideEscalation(state({ complaint: complaint('escalate', ['strong_anger', kind], ['a', 'b']) }))).toEqual({ reason: 'policy', detail: 'a; b' });
  });

  it.each(['chargeback', 'repeat_contact', 'damaged', 'strong_anger'] as const)('a %s complaint escalates on sentiment', (kind) => {
    expect(decideEscalation(state({ complaint: complaint('escalate', [kind], ['threatens a chargeback']) }))).toEqual({
      reason: 'negative_sentiment',
      detail: 'threatens a chargeback',
    });
  });

  it('names at most three cues, and says "strong complaint" when there are none', () => {
    expect(decideEscalation(state({ complaint: complaint('escalate', ['abuse'], ['one', 'two', 'three', 'four']) }))?.detail).toBe('one; two; three');
    expect(decideEscalation(state({ complaint: complaint('escalate', ['abuse'], []) }))).toEqual({ reason: 'negative_sentiment', detail: 'strong complaint' });
  });

  it('a complaint the AI can still answer, or none, does not escalate by itself', () => {
    expect(decideEscalation(state({ complaint: complaint('complaint', ['legal'], ['x']) }))).toBeUndefined();
    expect(decideEscalation(state({ complaint: complaint('none') }))).toBeUndefined();
    expect(decideEscalation(state())).toBeUndefined();
  });

  it('unhappy on two turns in a row AND urgent escalates; either alone does not', () => {
    const mem = (negativeStreak: number) => ({ lastProductSkus: [], failures: 0, negativeStreak });
    const urgentTwice = { reason: 'negative_sentiment', detail: 'unhappy twice in a row and urgent' };
    expect(decideEscalation(state({ memory: mem(2), sentiment: sentiment(true) }))).toEqual(urgentTwice);
    expect(decideEscalation(state({ memory: mem(3), sentiment: sentiment(true) }))).toEqual(urgentTwice);
    expect(decideEscalation(state({ memory: mem(1), sentiment: sentiment(true) }))).toBeUndefined();
    expect(decideEscalation(state({ memory: mem(2), sentiment: sentiment(false) }))).toBeUndefined();
    expect(decideEscalation(state({ memory: mem(2) }))).toBeUndefined();
  });

  it('two failures escalate as ai_failed; one does not', () => {
    const mem = (failures: number) => ({ lastProductSkus: [], failures, negativeStreak: 0 });
    expect(decideEscalation(state({ memory: mem(2) }))).toEqual({ reason: 'ai_failed', detail: 'the assistant could not answer twice' });
    expect(decideEscalation(state({ memory: mem(3) }))?.reason).toBe('ai_failed');
    expect(decideEscalation(state({ memory: mem(1) }))).toBeUndefined();
  });
});

describe('the escalation node: what the customer reads', () => {
  const escalating = (reason: 'customer_request' | 'negative_sentiment' | 'ai_failed' | 'policy') => ({ reason, detail: 'd' });

  it.each([
    ['customer_request', "Of course — I'm bringing in a member of our support team to help you."],
    ['negative_sentiment', "I'm really sorry about this. I'm bringing in a member of our support team so a person can sort it out with you."],
    ['ai_failed', "I'm sorry I couldn't answer that properly. I'm bringing in a member of our support team to help."],
    ['policy', "I'm sorry — this needs a member of our support team, so I'm bringing one in now."],
  ] as const)('%s: the handoff notice, the failure count reset', (reason, text) => {
    const out = node(state({ escalation: escalating(reason) }));
    expect(out).toEqual({ escalation: escalating(reason), draft: text, memory: { failures: 0 } });
  });

  it('keeps a data answer (order, product) ahead of the notice, but not a help article, a failed draft or a customer request', () => {
    const lead = "I'm sorry — this needs a member of our support team, so I'm bringing one in now.";
    const draft = 'Order EM-1001 shipped on Monday.';
    expect(node(state({ escalation: escalating('policy'), draft, sources: ['order:EM-1001'] })).draft).toBe(`${lead} Meanwhile: ${draft}`);
    expect(node(state({ escalation: escalating('policy'), draft, sources: ['returns.md#window', 'order:EM-1001'] })).draft).toBe(`${lead} Meanwhile: ${draft}`);
    expect(node(state({ escalation: escalating('policy'), draft, sources: ['returns.md#window'] })).draft).toBe(lead);
    expect(node(state({ escalation: escalating('policy'), draft, sources: [] })).draft).toBe(lead);
    expect(node(state({ escalation: escalating('policy'), draft, sources: ['order:EM-1001'], failed: true })).draft).toBe(lead);
    expect(node(state({ escalation: escalating('customer_request'), draft, sources: ['order:EM-1001'] })).draft).toBe(
      "Of course — I'm bringing in a member of our support team to help you.",
    );
  });

  it('no escalation and no complaint: nothing changes', () => {
    expect(node(state({ draft: 'Here you go.' }))).toEqual({});
    expect(node(state({ draft: 'Here you go.', complaint: complaint('none') }))).toEqual({});
  });

  it('an answerable complaint: an apology before the answer, once', () => {
    expect(node(state({ complaint: complaint('complaint'), draft: 'It ships tomorrow.', text: 'this is taking too long' }))).toEqual({
      draft: "I'm sorry about that. It ships tomorrow.",
    });
    expect(node(state({ complaint: complaint('complaint'), draft: "I'm sorry, it ships tomorrow.", text: 'slow' })).draft).toBe("I'm sorry, it ships tomorrow.");
    expect(node(state({ complaint: complaint('complaint'), draft: 'Sorry! It ships tomorrow.', text: 'slow' })).draft).toBe('Sorry! It ships tomorrow.');
    // "sorry" elsewhere in the draft is not an apology opening it.
    expect(node(state({ complaint: complaint('complaint'), draft: 'We are sorry.', text: 'slow' })).draft).toBe("I'm sorry about that. We are sorry.");
  });

  it('no apology on a failed or missing draft', () => {
    expect(node(state({ complaint: complaint('complaint'), draft: 'It ships tomorrow.', failed: true, text: 'slow' }))).toEqual({});
    expect(node(state({ complaint: complaint('complaint'), text: 'slow' }))).toEqual({});
  });

  it('a customer unhappy with a product also hears it can go back (the return window), unless the draft says so already', () => {
    const out = node(state({ complaint: complaint('complaint'), draft: 'The X100 has 20 h of battery.', text: "I'm disappointed with these headphones" }));
    expect(out.draft).toMatch(/^I'm sorry about that\. The X100 has 20 h of battery\.\n\nIf it's not right for you, you can send it back: \S/);
    const sources = out.sources as string[];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.startsWith('returns.md#'))).toBe(true);
    const mentions = node(state({ complaint: complaint('complaint'), draft: 'You can return them within 30 days.', text: "I'm disappointed with these headphones" }));
    expect(mentions).toEqual({ draft: "I'm sorry about that. You can return them within 30 days." });
    // Unhappy, but not with a product: no return offer.
    expect(node(state({ complaint: complaint('complaint'), draft: 'It ships tomorrow.', text: 'this is taking too long' }))).not.toHaveProperty('sources');
  });
});
