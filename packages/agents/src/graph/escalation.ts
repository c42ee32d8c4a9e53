import type { TurnStateT, TurnUpdate } from './state';
import type { Escalation } from './types';

/** Legal threats and safety hazards always go to a person (DESIGN §5), whichever agent got the turn. */
export const LEGAL_OR_SAFETY = /\b(lawyer|legal action|sue|court|caught fire|on fire|fire hazard|started to smoke|smok(ed|ing)|burn(ed|t|ing)|explod\w*|electric shock|shocked me|injur\w*)\b/i;

/** DESIGN §5: a person takes over on request, on very negative sentiment, or after two failures. */
export function decideEscalation(state: TurnStateT): Escalation | undefined {
  if (state.escalation) return state.escalation;
  if (LEGAL_OR_SAFETY.test(state.input.text)) return { reason: 'policy', detail: 'legal or safety issue' };
  const s = state.sentiment;
  if (s.label === 'very_negative') return { reason: 'negative_sentiment', detail: `very negative (${s.comparative})` };
  if (state.memory.negativeStreak >= 2 && s.urgent) return { reason: 'negative_sentiment', detail: 'negative twice in a row with urgency' };
  if (state.memory.failures >= 2) return { reason: 'ai_failed', detail: 'the assistant could not answer twice' };
  return undefined;
}

const HANDOFF_TEXT: Record<Escalation['reason'], string> = {
  customer_request: "Of course — I'm connecting you with a member of our support team.",
  negative_sentiment: "I'm sorry about this experience. I'm bringing in a member of our support team who can sort it out with you.",
  ai_failed: "I'm sorry I couldn't answer that properly. I'm connecting you with a member of our support team.",
  policy: "This needs a member of our support team, so I'm connecting you with one now.",
};

export const escalationNode = (state: TurnStateT): TurnUpdate => {
  const escalation = decideEscalation(state);
  if (!escalation) return {};
  const lead = HANDOFF_TEXT[escalation.reason];
  // Keep an answer we already have (e.g. the order status) ahead of the handoff notice.
  // Only data answers (an order, a product, a code) — not a loosely matched help article.
  const fromData = state.sources.some((s) => !s.includes('.md#')) && !state.failed;
  const draft = state.draft && fromData && escalation.reason === 'negative_sentiment' ? `${lead} Meanwhile: ${state.draft}` : lead;
  return { escalation, draft, memory: { failures: 0 } };
};
