/**
 * The metric definitions printed beside the figures (docs/dashboard.md says the same). The gateway
 * computes them; these words must match packages/db/src/queries/analytics-range.ts.
 */
export const COUNTED_CONVERSATION = 'A conversation counts from the customer’s first message: opening the chat without typing is not counted anywhere.';

export const containmentDefinition = (idleMin: number) =>
  `Resolved by the AI ÷ conversations. Resolved by the AI = the AI answered, it never went to a person, and it was closed or sat idle with the AI for ${idleMin} min.`;

export const CSAT_ATTRIBUTION = 'A rating belongs to the agent who resolved the conversation it rates, even if the customer wrote again later.';
