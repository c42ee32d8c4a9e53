import { Annotation } from '@langchain/langgraph/web';
import type { Route } from '@em/contracts/schemas';
import type { Entities } from '../nlu/entities';
import type { SentimentAnalysis } from '../sentiment';
import type { CallMeta } from '../model/port';
import type { Escalation, Handoff, Memory, Specialist, TurnInput } from './types';
import type { ReadText } from '../nlu/normalize';
import type { ComplaintSignal } from '../nlu/complaint';
import type { Lang } from '../i18n/languages';

export interface QueuedQuestion {
  text: string;
  agent: Specialist;
  route: Route;
}

const last = <T>() => Annotation<T>({ reducer: (_a: T, b: T) => b, default: () => undefined as T });

/**
 * The reducers of the channels that accumulate, by name: the graph's channels use them, and so does
 * `inOneStep` (one-step.ts) when it runs several steps inside one node. Each is associative, so
 * merging two updates and then applying them equals applying them one after the other.
 */
export const REDUCERS = {
  memory: (a: Memory, b: Partial<Memory>): Memory => ({ ...a, ...b }),
  parts: (a: string[], b: string[]) => [...a, ...b],
  sources: (a: string[], b: string[]) => [...new Set([...a, ...b])],
  handoffs: (a: Handoff[], b: Handoff[]) => [...a, ...b],
  calls: (a: CallMeta[], b: CallMeta[]) => [...a, ...b],
  timings: (a: Record<string, number>, b: Record<string, number>) => ({ ...a, ...b }),
};

export const TurnState = Annotation.Root({
  input: Annotation<TurnInput>(),
  /** Language to answer in (the conversation's, after this message), and what this message alone looked like. */
  language: last<Lang>(),
  detectedLanguage: last<Lang | undefined>(),
  /** The message as read (spelling fixed) and how much of it was recognisable. */
  read: last<ReadText>(),
  /** Further questions of the same message still to answer, each with its specialist. */
  queue: last<QueuedQuestion[]>(),
  /** The question the specialist is answering now (the whole message, or one part of it). */
  question: last<string>(),
  complaint: last<ComplaintSignal>(),
  memory: Annotation<Memory, Partial<Memory>>({ reducer: REDUCERS.memory, default: () => ({ lastProductSkus: [], failures: 0, negativeStreak: 0 }) }),
  sentiment: last<SentimentAnalysis>(),
  route: last<Route>(),
  entities: last<Entities>(),
  agent: last<Specialist>(),
  draft: last<string>(),
  /** Answers of specialists that handed off mid-turn (a cross-domain turn), shown before the final draft. */
  parts: Annotation<string[]>({ reducer: REDUCERS.parts, default: () => [] }),
  reply: last<string>(),
  failed: last<boolean>(),
  clarifying: last<boolean>(),
  sources: Annotation<string[]>({ reducer: REDUCERS.sources, default: () => [] }),
  handoffs: Annotation<Handoff[]>({ reducer: REDUCERS.handoffs, default: () => [] }),
  escalation: last<Escalation | undefined>(),
  /** One entry per model call this turn: provider, tokens, cost (summed into TurnOutput.usage). */
  calls: Annotation<CallMeta[]>({ reducer: REDUCERS.calls, default: () => [] }),
  timings: Annotation<Record<string, number>>({ reducer: REDUCERS.timings, default: () => ({}) }),
});

export type TurnStateT = typeof TurnState.State;
export type TurnUpdate = typeof TurnState.Update;
