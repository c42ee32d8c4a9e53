/**
 * Queue priority (higher first). Weights: how much harm waiting does. A policy case (refund over a
 * limit, legal, safety) outranks an angry customer, who outranks a plain "talk to a person".
 */
const REASON_WEIGHT: Record<string, number> = {
  policy: 40,
  negative_sentiment: 30,
  timeout: 25,
  ai_failed: 25,
  customer_request: 20,
};
const SENTIMENT_WEIGHT: Record<string, number> = { very_negative: 20, negative: 10, neutral: 0, positive: 0 };
const URGENT_WEIGHT = 15;
/** At or above this a handoff ticket is opened as `high`. */
export const HIGH_PRIORITY = 45;

export function queuePriority(s: { reason: string; sentiment?: string | null; urgent?: boolean }): number {
  return (REASON_WEIGHT[s.reason] ?? 10) + (s.sentiment ? (SENTIMENT_WEIGHT[s.sentiment] ?? 0) : 0) + (s.urgent ? URGENT_WEIGHT : 0);
}
