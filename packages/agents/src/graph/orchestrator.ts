import type { Domain } from '@em/contracts/schemas';
import { extractEntities } from '../nlu/entities';
import { analyzeSentiment } from '../sentiment';
import { LEGAL_OR_SAFETY } from './escalation';
import type { GraphDeps, Specialist } from './types';
import type { TurnStateT, TurnUpdate } from './state';

// One-word pleasantries carry too little text for the classifier; they are unambiguous anyway.
const SMALL_TALK = /^\s*(hi|hello|hey|hiya|yo|thanks|thank you|thx|bye|goodbye|good (morning|afternoon|evening))[\s!.?]*$/i;
// An explicit ask for a person always escalates (DESIGN §5), whatever the classifier says.
const ASKS_FOR_PERSON = /\b(talk|speak|chat|connect|transfer|put)\b(?:\s+\w+){0,4}?\s+(?:to|with|me (?:to|with)|me through to)\s+(?:a|an|the|some|your)?\s*(human|person|real person|agent|representative|operator|someone|somebody|manager|staff)\b/i;
const CONTINUATION = /^\s*(still|again|and|also|what about|how about|same|it still|it's still|that didn't|didn't work|doesn't work)\b/i;
const HUMAN_REQUEST = /\b(human|real person|a person|someone real|agent|representative|operator|customer service (rep|staff))\b/i;

export const sentimentNode = (state: TurnStateT): TurnUpdate => {
  const t0 = performance.now();
  const sentiment = analyzeSentiment(state.input.text);
  const negative = sentiment.label === 'negative' || sentiment.label === 'very_negative';
  return {
    sentiment,
    memory: { negativeStreak: negative ? state.memory.negativeStreak + 1 : 0 },
    timings: { sentiment_ms: performance.now() - t0 },
  };
};

/** Picks the specialist. Conversation context wins over a low-confidence guess (e.g. an email after we asked for one). */
export const makeOrchestrator = (deps: GraphDeps) => async (state: TurnStateT, cfg?: { signal?: AbortSignal }): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const { text, history } = state.input;
  const entities = extractEntities(text, deps.catalog);
  const { value: route, meta } = await deps.model.route({ text, history, signal: cfg?.signal });
  const threshold = deps.clarifyBelow ?? 0.6;
  let agent: Specialist | undefined;
  let clarifying = false;
  let domain: Domain = route.domain;

  if (ASKS_FOR_PERSON.test(text)) domain = 'human';
  else if (domain === 'human' && !HUMAN_REQUEST.test(text) && route.confidence < threshold) domain = 'general';
  if (SMALL_TALK.test(text)) agent = 'general';
  else if (entities.emails.length && state.memory.lastOrderNumber && !state.input.verifiedCustomerId && !(state.memory.provenOrders ?? []).includes(state.memory.lastOrderNumber)) agent = 'logistics';
  // A ticket number only means something to support, whatever else the message says.
  else if (entities.ticketNumbers.length && !entities.orderNumbers.length && domain !== 'human') agent = 'support';
  else if (entities.orderNumbers.length && route.confidence < threshold) agent = 'logistics';
  else if (entities.promoCodes.length && route.confidence < threshold) agent = 'marketing';
  else if (entities.productSkus.length && route.confidence < threshold) agent = 'sales';
  // "still not working", "and express?": a short continuation stays with the agent of the last turn.
  else if (domain !== 'human' && state.memory.lastAgent && history.length > 0 && CONTINUATION.test(text) && text.split(/\s+/).length <= 5) agent = state.memory.lastAgent;
  else if (domain !== 'human' && route.confidence < threshold) {
    const followUp = state.memory.lastAgent && history.length > 0 && text.split(/\s+/).length <= 6;
    if (followUp) agent = state.memory.lastAgent;
    else clarifying = true;
  }
  if (!agent && !clarifying && domain !== 'human') agent = domain as Specialist;
  return {
    route: { ...route, domain: agent ?? domain },
    entities,
    agent: agent ?? 'general',
    clarifying,
    ...(domain === 'human' && !agent
      ? { escalation: { reason: 'customer_request' as const, detail: 'customer asked for a person' } }
      : LEGAL_OR_SAFETY.test(text)
        ? { escalation: { reason: 'policy' as const, detail: 'legal or safety issue' } }
        : {}),
    calls: [meta],
    timings: { route_ms: performance.now() - t0 },
  };
};

const DOMAIN_WORDS: Record<Domain, string> = {
  sales: 'finding or buying a product',
  marketing: 'a promotion or discount code',
  support: 'returns, warranty or a problem with a device',
  logistics: 'an order, shipping or delivery',
  general: 'something else about ElectroMart',
  human: 'talking to a person',
};

export const clarifyNode = (state: TurnStateT): TurnUpdate => {
  const d = state.route.domain;
  const other: Domain = d === 'support' ? 'logistics' : 'support';
  return {
    reply: `Just to make sure I help with the right thing: is your question about ${DOMAIN_WORDS[d]}, or ${DOMAIN_WORDS[other]}? A few more words will help me.`,
    agent: 'general',
  };
};
