import { Annotation } from '@langchain/langgraph';
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
