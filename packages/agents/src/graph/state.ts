import { Annotation } from '@langchain/langgraph';
import type { Route } from '@em/contracts/schemas';
import type { Entities } from '../nlu/entities';
import type { SentimentAnalysis } from '../sentiment';
import type { CallMeta } from '../model/port';
import type { Escalation, Handoff, Memory, Specialist, TurnInput } from './types';

const last = <T>() => Annotation<T>({ reducer: (_a: T, b: T) => b, default: () => undefined as T });

export const TurnState = Annotation.Root({
  input: Annotation<TurnInput>(),
  memory: Annotation<Memory, Partial<Memory>>({ reducer: (a: Memory, b: Partial<Memory>) => ({ ...a, ...b }), default: () => ({ lastProductSkus: [], failures: 0, negativeStreak: 0 }) }),
  sentiment: last<SentimentAnalysis>(),
  route: last<Route>(),
  entities: last<Entities>(),
  agent: last<Specialist>(),
  draft: last<string>(),
  /** Answers of specialists that handed off mid-turn (a cross-domain turn), shown before the final draft. */
  parts: Annotation<string[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
  reply: last<string>(),
  failed: last<boolean>(),
  clarifying: last<boolean>(),
  sources: Annotation<string[]>({ reducer: (a, b) => [...new Set([...a, ...b])], default: () => [] }),
  handoffs: Annotation<Handoff[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
  escalation: last<Escalation | undefined>(),
  /** One entry per model call this turn: provider, tokens, cost (summed into TurnOutput.usage). */
  calls: Annotation<CallMeta[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
  timings: Annotation<Record<string, number>>({ reducer: (a, b) => ({ ...a, ...b }), default: () => ({}) }),
});

export type TurnStateT = typeof TurnState.State;
export type TurnUpdate = typeof TurnState.Update;
