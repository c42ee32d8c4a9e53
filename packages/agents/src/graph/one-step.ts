import { REDUCERS, type TurnStateT, type TurnUpdate } from './state';

type Step<C> = (state: TurnStateT, cfg?: C) => TurnUpdate | Promise<TurnUpdate>;
const ACCUMULATING = REDUCERS as Record<string, (a: unknown, b: unknown) => unknown>;

/** An update applied to a state (or to an earlier update) with the channels' own reducers. */
function apply<T extends Record<string, unknown>>(into: T, update: TurnUpdate): T {
  const out: Record<string, unknown> = { ...into };
  for (const [key, value] of Object.entries(update)) {
    const reduce = ACCUMULATING[key];
    if (!reduce) out[key] = value; // a last-value channel: an explicit undefined clears it, as in LangGraph
    else if (value !== undefined) out[key] = out[key] === undefined ? value : reduce(out[key], value);
  }
  return out as T;
}

/**
 * Runs several steps of the turn inside one graph node: each sees the state with the previous
 * steps' updates applied, and the node returns their merged update. Why: every LangGraph superstep
 * costs a checkpoint, task preparation and config merging (about as much CPU as reading the
 * message's language and mood themselves), so steps that always follow one another without a
 * decision between them share a superstep (issue 18). The result equals running them as separate
 * nodes: the reducers are associative (state.ts, REDUCERS).
 */
export function inOneStep<C>(...steps: Step<C>[]): (state: TurnStateT, cfg?: C) => Promise<TurnUpdate> {
  return async (state, cfg) => {
    let seen = state;
    let merged: TurnUpdate = {};
    for (const step of steps) {
      const update = await step(seen, cfg);
      seen = apply(seen, update);
      merged = apply(merged, update);
    }
    return merged;
  };
}

/**
 * A step that runs only when `test` holds for the state it sees, and writes nothing otherwise: the
 * step after a decision inside one node ("answer once the specialist has a draft"), where a
 * separate node would cost a superstep on every turn (issue 18). The graph's edges still make the
 * same decision, so a turn takes the same path either way.
 */
export function onlyIf<C>(test: (state: TurnStateT) => boolean, step: Step<C>): Step<C> {
  return (state, cfg) => (test(state) ? step(state, cfg) : {});
}
