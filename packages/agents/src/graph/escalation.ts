import type { ComplaintKind } from '../nlu/complaint';
import type { TurnStateT, TurnUpdate } from './state';
import type { Escalation, GraphDeps } from './types';
import { answerFromKb } from '../kb/answer';
import { TEXTS } from '../i18n/texts';

/** "Meanwhile:" before an answer kept ahead of a handoff notice, per language. */
const MEANWHILE = { en: 'Meanwhile:', de: 'Inzwischen:', es: 'Mientras tanto:', fr: 'En attendant :' } as const;

/** Legal threats and safety hazards always go to a person (DESIGN §5), whichever agent got the turn. */
const POLICY_KINDS: ComplaintKind[] = ['legal', 'safety', 'fraud'];

/**
 * DESIGN §5: a person takes over on request, on a complaint the detector says needs one
 * (chargeback, legal, safety, repeated contact, damage with anger, strong anger), or after two
 * failures. One unclear message never escalates: the orchestrator clarifies instead.
 */
export function decideEscalation(state: TurnStateT): Escalation | undefined {
  if (state.escalation) return state.escalation;
  const c = state.complaint;
  if (c?.level === 'escalate') {
    const detail = c.cues.slice(0, 3).join('; ') || 'strong complaint';
    return c.kinds.some((k) => POLICY_KINDS.includes(k)) ? { reason: 'policy', detail } : { reason: 'negative_sentiment', detail };
  }
  // DESIGN §5 guidance: unhappy on two turns in a row and urgent.
  if (state.memory.negativeStreak >= 2 && state.sentiment?.urgent) return { reason: 'negative_sentiment', detail: 'unhappy twice in a row and urgent' };
  if (state.memory.failures >= 2) return { reason: 'ai_failed', detail: 'the assistant could not answer twice' };
  return undefined;
}

const HANDOFF_TEXT: Record<Escalation['reason'], string> = {
  customer_request: "Of course — I'm bringing in a member of our support team to help you.",
  negative_sentiment: "I'm really sorry about this. I'm bringing in a member of our support team so a person can sort it out with you.",
  ai_failed: "I'm sorry I couldn't answer that properly. I'm bringing in a member of our support team to help.",
  policy: "I'm sorry — this needs a member of our support team, so I'm bringing one in now.",
};

const DISSATISFIED = /\b(disappoint\w*|not (happy|satisfied|pleased) with|(don'?t|do not) (like|love) (it|them|the)|not what i (expected|wanted)|not as \w+ as|unhappy with|regret\w*)\b/i;

export const makeEscalationNode = (deps: Pick<GraphDeps, 'kb'>) => (state: TurnStateT): TurnUpdate => {
  const escalation = decideEscalation(state);
  if (!escalation) {
    // Unhappy but answerable: acknowledge it before the answer, and a customer unhappy with a
    // product also hears that it can go back (the shop's own return rule).
    // English wording only: the complaint cues are English, and so is this acknowledgement.
    if (state.complaint?.level === 'complaint' && state.draft && !state.failed && (state.language ?? 'en') === 'en') {
      const sorry = /^(sorry|i'm sorry)/i.test(state.draft) ? state.draft : `I'm sorry about that. ${state.draft}`;
      const back = DISSATISFIED.test(state.input.text) && !/\breturn/i.test(state.draft) ? answerFromKb(deps.kb, 'what is the return window?') : null;
      return { draft: back ? `${sorry}\n\nIf it's not right for you, you can send it back: ${back.text}` : sorry, ...(back ? { sources: back.sources } : {}) };
    }
    return {};
  }
  const lang = state.language ?? 'en';
  const lead = lang === 'en' ? HANDOFF_TEXT[escalation.reason] : TEXTS[lang].handoff[escalation.reason];
  // Keep an answer we already have (e.g. the order status) ahead of the handoff notice.
  // Only data answers (an order, a product, a code) — not a loosely matched help article.
  const fromData = state.sources.some((s) => !s.includes('.md#')) && !state.failed;
  const draft = state.draft && fromData && escalation.reason !== 'customer_request' ? `${lead} ${MEANWHILE[lang]} ${state.draft}` : lead;
  return { escalation, draft, memory: { failures: 0 } };
};
