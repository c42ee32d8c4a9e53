import type { Db } from '../client';
import {
  aiOutcome,
  aiReplyGroups,
  conversationOutcomes,
  escalationBreakdown,
  jobFailures,
  satisfaction,
  type ReplyGroup,
} from './analytics-ai';
import { humanTimes } from './analytics-humans';
import { liveState } from './analytics-live';
import { DEFAULT_AI_IDLE_MIN, ratio, type Range } from './analytics-range';
import { busiestHours, conversationsByLanguage } from './analytics-volume';

export type { MetricClock, Range } from './analytics-range';
export { DEFAULT_AI_IDLE_MIN } from './analytics-range';

/**
 * The dashboard summary: every metric over [from, to) plus the live state at `now`. The
 * independent aggregates run concurrently on the pool; each is one indexed SQL aggregate,
 * and only their small grouped results come back to JS. `aiIdleMin`: minutes after which a
 * conversation idle with the AI counts as resolved by it (GATEWAY env ANALYTICS_AI_IDLE_MIN).
 */
export async function analyticsSummary(db: Db, r: Range, now: Date, aiIdleMin = DEFAULT_AI_IDLE_MIN) {
  const [hours, outcomes, escalations, detail, failures, humans, live, languages] = await Promise.all([
    busiestHours(db, r),
    conversationOutcomes(db, r, { now, aiIdleMin }),
    escalationBreakdown(db, r),
    aiReplyGroups(db, r),
    jobFailures(db, r),
    humanTimes(db, r),
    liveState(db, now),
    conversationsByLanguage(db, r),
  ]);
  const { messages, ...outcome } = aiOutcome(outcomes);
  const replies = sumOf(detail, 'replies');
  return {
    range: { from: r.from.toISOString(), to: r.to.toISOString() },
    // Messages of the conversations started in the window (their last_seq), like every other
    // conversation metric here; the `messages` time series counts by message time instead.
    volume: { conversations: outcome.conversations, messages, busiestHours: hours, byLanguage: languages },
    ai: {
      ...outcome,
      idleResolveMinutes: aiIdleMin,
      bySpecialist: escalations.byAgent.map(({ key, count }) => ({
        agent: key,
        count,
        // Share of this specialist's replies that were followed by a handoff to a person.
        rate: ratio(count, sumOf(detail.filter((g) => g.agent === key), 'replies')),
      })),
      escalationsBySentiment: escalations.bySentiment.map(({ key, count }) => ({ sentiment: key, count })),
      replies,
      clarifying: sumOf(detail, 'clarifying'),
      clarifyingRate: ratio(sumOf(detail, 'clarifying'), replies),
      fallbacks: sumOf(detail, 'fallbacks'),
      fallbackRate: ratio(sumOf(detail, 'fallbacks'), replies),
      jobFailures: failures.failed,
      timeouts: failures.timeouts,
    },
    routing: routing(detail),
    humans,
    satisfaction: satisfaction(outcomes),
    live,
    cost: cost(detail),
  };
}

export type AnalyticsSummary = Awaited<ReturnType<typeof analyticsSummary>>;

type NumKey = { [K in keyof ReplyGroup]: ReplyGroup[K] extends number ? K : never }[keyof ReplyGroup];
const sumOf = (rows: ReplyGroup[], k: NumKey) => rows.reduce((a, x) => a + x[k], 0);

function groupBy(rows: ReplyGroup[], key: (g: ReplyGroup) => string) {
  const m = new Map<string, ReplyGroup[]>();
  for (const g of rows) m.set(key(g), [...(m.get(key(g)) ?? []), g]);
  return [...m];
}

/** Replies per routed domain, with mean confidence and the low/medium/high confidence bands. */
function routing(detail: ReplyGroup[]) {
  return groupBy(detail, (g) => g.domain)
    .map(([domain, gs]) => {
      const count = sumOf(gs, 'replies');
      return {
        domain,
        count,
        avgConfidence: count ? Math.round((sumOf(gs, 'confidenceSum') / count) * 1000) / 1000 : 0,
        low: sumOf(gs, 'low'),
        medium: sumOf(gs, 'medium'),
        high: sumOf(gs, 'high'),
      };
    })
    .sort((a, b) => b.count - a.count);
}

/** Tokens and spend per provider (USD, as the worker recorded from the provider's usage). */
function cost(detail: ReplyGroup[]) {
  return groupBy(detail, (g) => g.provider)
    .map(([provider, gs]) => ({
      provider,
      replies: sumOf(gs, 'replies'),
      promptTokens: sumOf(gs, 'promptTokens'),
      completionTokens: sumOf(gs, 'completionTokens'),
      costUsd: Math.round(sumOf(gs, 'costUsd') * 1e6) / 1e6,
    }))
    .sort((a, b) => b.replies - a.replies || a.provider.localeCompare(b.provider));
}
