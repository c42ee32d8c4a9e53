import { describe, expect, it } from 'vitest';
import { inOneStep, onlyIf } from './one-step';
import { REDUCERS, TurnState, type TurnStateT, type TurnUpdate } from './state';

const state = (over: Partial<TurnStateT> = {}): TurnStateT =>
  ({
    input: { text: 'hi', history: [], memory: { lastProductSkus: [], failures: 0, negativeStreak: 0 } },
    memory: { lastProductSkus: [], failures: 2, negativeStreak: 1 },
    parts: [],
    sources: ['a.md#x'],
    handoffs: [],
    calls: [],
    timings: { first_ms: 1 },
    ...over,
  }) as TurnStateT;

describe('inOneStep', () => {
  it('lets each step see the state with the earlier steps applied, by the channels reducers', async () => {
    const seen: TurnStateT[] = [];
    const node = inOneStep(
      (s): TurnUpdate => {
        seen.push(s);
        return { draft: 'one', memory: { language: 'en' }, sources: ['b.md#y', 'a.md#x'], timings: { a_ms: 2 } };
      },
      (s): TurnUpdate => {
        seen.push(s);
        return { reply: `${s.draft}!`, memory: { failures: 0 }, sources: ['c'], timings: { b_ms: 3 } };
      },
    );
    const update = await node(state());
    expect(seen[1]!.draft).toBe('one');
    expect(seen[1]!.memory).toEqual({ lastProductSkus: [], failures: 2, negativeStreak: 1, language: 'en' });
    expect(seen[1]!.sources).toEqual(['a.md#x', 'b.md#y']);
    expect(seen[1]!.timings).toEqual({ first_ms: 1, a_ms: 2 });
    // The node's update is what the two steps would have written one after the other.
    expect(update).toEqual({ draft: 'one', reply: 'one!', memory: { language: 'en', failures: 0 }, sources: ['b.md#y', 'a.md#x', 'c'], timings: { a_ms: 2, b_ms: 3 } });
  });

  it('clears a last-value field a later step sets to undefined, and ignores an undefined list', async () => {
    const node = inOneStep(
      (): TurnUpdate => ({ escalation: { reason: 'customer_request', detail: 'asked' }, handoffs: [{ from: 'sales', to: 'support', reason: 'x' }] }),
      (): TurnUpdate => ({ escalation: undefined, handoffs: undefined }),
    );
    const update = await node(state());
    expect('escalation' in update && update.escalation === undefined).toBe(true);
    expect(update.handoffs).toEqual([{ from: 'sales', to: 'support', reason: 'x' }]);
  });

  it('passes the node config (abort signal, streaming callback) to every step', async () => {
    const signal = new AbortController().signal;
    const got: unknown[] = [];
    const node = inOneStep<{ signal: AbortSignal }>(
      (_s, cfg) => (got.push(cfg?.signal), {}),
      async (_s, cfg) => (got.push(cfg?.signal), {}),
    );
    await node(state(), { signal });
    expect(got).toEqual([signal, signal]);
  });
});

describe('REDUCERS', () => {
  it('names every accumulating channel of the turn state, with the reducer that channel uses', () => {
    // inOneStep treats a field missing from REDUCERS as last-value: a new accumulating channel must be listed.
    for (const [key, channel] of Object.entries(TurnState.spec)) {
      const operator = (channel as { operator?: (a: unknown, b: unknown) => unknown }).operator;
      if (key in REDUCERS) expect(operator, key).toBe(REDUCERS[key as keyof typeof REDUCERS]);
      else if (operator) expect(operator('earlier', 'later'), `${key} keeps only the last value`).toBe('later');
    }
  });
});

describe('onlyIf', () => {
  it('runs its step on the state the earlier steps left, and writes nothing when the test fails', async () => {
    const answer = (s: TurnStateT): TurnUpdate => ({ reply: `${s.draft}.`, timings: { answer_ms: 1 } });
    const drafted = (s: TurnStateT) => s.draft !== undefined;
    const withDraft = await inOneStep((): TurnUpdate => ({ draft: 'ok' }), onlyIf(drafted, answer))(state());
    expect(withDraft).toEqual({ draft: 'ok', reply: 'ok.', timings: { answer_ms: 1 } });
    const handedOff = await inOneStep((): TurnUpdate => ({ agent: 'support' }), onlyIf(drafted, answer))(state());
    expect(handedOff).toEqual({ agent: 'support' });
  });
});
