import type { Domain, Route } from '@em/contracts/schemas';
import { extractEntities, type Entities } from '../nlu/entities';
import { detectComplaint } from '../nlu/complaint';
import { readText } from '../nlu/normalize';
import { splitQuestions } from '../nlu/segments';
import { saysNothingYet } from '../nlu/vague';
import { parseProductQuery } from '../nlu/product-query';
import { wantedPick } from '../specialists/product-refs';
import { specsAsked } from '../specialists/spec-answer';
import { namesTopic } from '../specialists/compose';
import type { Lexicon } from '../lexicon/lexicon';
import type { CatalogQuery } from '@em/db/queries/catalog-search';
import { analyzeSentiment } from '../sentiment';
import type { GraphDeps, Memory, Specialist, TurnInput } from './types';
import type { QueuedQuestion, TurnStateT, TurnUpdate } from './state';

// One-word pleasantries carry too little text for the classifier; they are unambiguous anyway.
const SMALL_TALK = /^\s*(hi|hello|hey|hiya|yo|thanks|thank you|thx|bye|goodbye|good (morning|afternoon|evening)|ok(ay)?|cool|great)[\s!.?]*$/i;
// An explicit ask for a person always escalates (DESIGN §5), whatever the classifier says.
const ASKS_FOR_PERSON =
  /\b(talk|speak|chat|connect|transfer|put)\b(?:\s+\w+){0,4}?\s+(?:to|with|me (?:to|with)|me through to)\s+(?:a|an|the|some|your|real|actual|live)?\s*(?:real |actual |live )?(human|person|people|agent|representative|rep|operator|someone|somebody|manager|supervisor|staff|employee)\b|\b(i want|i need|i'd like|give me|get me)\s+(?:a|an|to talk to a|to speak to a|to speak with a)?\s*(?:real |actual |live )?(human|person|agent|representative|operator|manager|supervisor)\b|^\s*(human|agent|representative|operator|real person|live agent)(\s+please)?[\s!.?]*$/i;
const CONTINUATION = /^\s*(still|again|and|also|what about|how about|same|it still|it's still|that didn't|didn't work|doesn't work)\b/i;
const HUMAN_REQUEST = /\b(human|real person|a person|someone real|agent|representative|operator|customer service (rep|staff))\b/i;
// Shopping words with a product or category make a sales question, unless a policy word says otherwise
// ("I'm looking for headphones" vs "I want to return my headphones").
const SHOPPING = /\b(looking for|look for|shopping for|need (a|an|some|new)|want (a|an|some|to buy)|recommend\w*|suggest\w*|buy|purchase|sell|selling|carry|in stock|stock|have any|got any|do you (have|sell|carry|stock)|cheapest|best|cheap|under \$?\d|budget|compare|comparison|price of|how much (is|are|does|do)|which (one|is)|better|worth|specs?|options?)\b/i;
const POLICY = /\b(return\w*|refund\w*|warrant\w*|broken|repair\w*|fix|not working|doesn'?t work|won'?t|stopped|cancel\w*|deliver\w*|ship\w*|track\w*|order(ed)?|arriv\w*|damaged|faulty|defect\w*|exchange|price ?match\w*)\b/i;
const OPEN_TICKET = /\b(open|create|file|raise|submit|log|start|make)\b(?:\s+\w+){0,2}?\s+(ticket|complaint|case|support request)\b/i;
const THAT_CODE = /\b(that|the|this|your|same) (code|coupon|discount|promo|voucher)\b/i;
const DEALS = /\b(deals?|discounts?|promo(tion)?s?|coupons?|vouchers?|on sale|any sales?)\b/i;
const CONTACT = /\b(phone number|number to call|call you|call us|contact (you|details|info\w*)|e-?mail address|reach (you|someone)|customer service number)\b/i;
const MY_ORDERS = /\b((hasn'?t|has not|haven'?t|didn'?t|did not|never|still not|not yet) (come|came|arrived?|shown up|turned up|been delivered|got here|gotten here)|tracking number|(any|my|all) (orders?|purchases?|packages?|parcels?|deliver(y|ies))|orders? (with you|history|status)|been (delivered|shipped|dispatched)|(delivered|shipped|dispatched) yet|did my \w+ (ship|arrive)|where('s| is) my (\w+ )?(order|package|parcel|stuff))\b/i;
// "is it waterproof?", "can it survive a drop in water?": a question about the product just discussed.
const POINTS_AT_IT = /\b(it|its|it's|this one|that one)\b/i;
const ORDINAL_REF = /\b(first|second|third|last|other) (one|option|model)\b|\bthe other\b/i;
const COMPARE_REF = /\b(which (one|is|of (the|them|these|those))|better|compare)\b/i;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** Two domains this close (share of probability) are two genuinely possible readings. */
const CLOSE_READINGS = 0.15;

// "Thanks. btw how long do refunds take": the courtesy in front is not the question.
const COURTESY = /^\s*(?:(?:ok(?:ay)?|thanks?(?: you)?(?: so much)?|thx|great|cool|perfect|got it|alright|nice|awesome|hi|hello|hey)[\s,.!]+)+(?:(?:btw|by the way|also|and|one more thing|another question)[\s,:]+)?/i;
export const withoutCourtesy = (text: string) => {
  const rest = text.replace(COURTESY, '');
  return rest !== text && rest.split(/\s+/).filter(Boolean).length >= 3 ? rest : text;
};

/** A word the shop or English knows, hyphenated compounds by their parts ("e-readers"). */
// Only English or the shop's own spelling counts: a word with a vector may be a common typo ("shiping").
const knownWord = (lexicon: Lexicon) => (w: string) =>
  lexicon.isKnownWord(w) || (w.includes('-') && w.split('-').every((p) => !p || p.length < 3 || lexicon.isKnownWord(p)));

export const sentimentNode = (state: TurnStateT): TurnUpdate => {
  const t0 = performance.now();
  const sentiment = analyzeSentiment(state.input.text);
  const negative = sentiment.label === 'negative' || sentiment.label === 'very_negative';
  const complaint = detectComplaint(state.input.text, state.input.history);
  return {
    sentiment,
    complaint,
    memory: { negativeStreak: negative || complaint.level !== 'none' ? state.memory.negativeStreak + 1 : 0 },
    timings: { sentiment_ms: performance.now() - t0 },
  };
};

interface Choice {
  agent?: Specialist;
  clarifying: boolean;
  domain: Domain;
}

/** Picks the specialist for one question. Conversation context wins over a low-confidence guess. */
function choose(deps: GraphDeps, text: string, entities: Entities, route: Route, memory: Memory, input: TurnInput, product: CatalogQuery): Choice {
  const threshold = deps.clarifyBelow ?? 0.6;
  let domain: Domain = route.domain;
  if (ASKS_FOR_PERSON.test(text)) domain = 'human';
  else if (domain === 'human' && !HUMAN_REQUEST.test(text) && route.confidence < threshold) domain = 'general';
  const low = route.confidence < threshold;
  const followUp = !!memory.lastAgent && input.history.length > 0;
  let agent: Specialist | undefined;
  if (domain === 'human') return { clarifying: false, domain };
  if (SMALL_TALK.test(text)) agent = 'general';
  // "I need help", "I have a question" opening a chat: general asks what it is about.
  else if (!followUp && saysNothingYet(text)) agent = 'general';
  else if (OPEN_TICKET.test(text)) agent = 'support';
  else if (entities.emails.length && memory.lastOrderNumber && !input.verifiedCustomerId && !(memory.provenOrders ?? []).includes(memory.lastOrderNumber)) agent = 'logistics';
  // A ticket number only means something to support, whatever else the message says.
  else if (entities.ticketNumbers.length && !entities.orderNumbers.length) agent = 'support';
  else if (entities.orderNumbers.length && low) agent = 'logistics';
  else if (entities.promoCodes.length && (low || domain === 'sales')) agent = 'marketing';
  // "How much with that code?", "any deals on headphones?": promotion questions, product or not.
  else if (memory.lastPromoCode && THAT_CODE.test(text)) agent = 'marketing';
  else if (DEALS.test(text) && !POLICY.test(text)) agent = 'marketing';
  else if (entities.productSkus.length && low) agent = 'sales';
  else if (CONTACT.test(text)) agent = domain === 'sales' || domain === 'marketing' ? 'general' : (domain as Specialist);
  // "Do I have any orders?", "has my phone been delivered?": an order question about the customer's own orders.
  else if (MY_ORDERS.test(text) && !entities.promoCodes.length && !/\b(return|refund|warrant|exchange|broken|damaged|faulty|invoice)/i.test(text)) agent = 'logistics';
  else if ((entities.category || entities.productSkus.length || product.category || product.kinds?.length) && SHOPPING.test(text) && !POLICY.test(text)) agent = 'sales';
  // A bare product word ("e-readers?", "any drones") is a catalog question.
  else if ((product.kinds?.length || product.category) && words(text) <= 4 && !POLICY.test(text)) agent = 'sales';
  // A spec of the product in focus ("can it survive being dropped in water?"): the classifier reads
  // damage words as support, but nothing is broken yet; sales has the product's specs.
  else if (memory.focusSku && memory.lastAgent === 'sales' && POINTS_AT_IT.test(text) && specsAsked(text).length && !POLICY.test(text)) agent = 'sales';
  // "the cheaper one", "the second one", "which is better?" right after products were shown.
  else if (memory.lastProductSkus.length && (wantedPick(text) || ORDINAL_REF.test(text) || COMPARE_REF.test(text)) && words(text) <= 8 && !POLICY.test(text)) agent = 'sales';
  // "still not working", "and express?": a short continuation stays with the agent of the last turn.
  // A longer one too when it names no topic of its own ("and how long does it take?").
  else if (followUp && CONTINUATION.test(text) && (words(text) <= 5 || (words(text) <= 10 && !namesTopic(deps.kb, text)))) agent = memory.lastAgent;
  else if (low) {
    const short = text.split(/\s+/).length <= 6;
    if (followUp && short) agent = memory.lastAgent;
    else {
      // Clarify only when two readings are genuinely close; otherwise the best reading answers.
      const ranked = deps.router.domains(text).filter(([d]) => d !== 'human');
      const [first, second] = ranked;
      const close = !!first && !!second && first[1] - second[1] < CLOSE_READINGS && first[1] < 0.5;
      if (close) return { clarifying: true, domain: first[0] };
    }
  }
  return { agent: agent ?? (domain as Specialist), clarifying: false, domain };
}

/** Reads the message (spelling), splits it into questions, and picks a specialist for each. */
export const makeOrchestrator = (deps: GraphDeps) => async (state: TurnStateT, cfg?: { signal?: AbortSignal }): Promise<TurnUpdate> => {
  const t0 = performance.now();
  const { history } = state.input;
  const read = readText(state.input.text, deps.speller, deps.lexicon ? knownWord(deps.lexicon) : undefined);
  const parts = splitQuestions(withoutCourtesy(read.text));
  const routed: QueuedQuestion[] = [];
  const calls = [];
  let entities: Entities | undefined;
  let first: Choice | undefined;
  const terms = await deps.catalogTerms!();
  for (const text of parts) {
    const e = extractEntities(text, deps.catalog);
    const product = parseProductQuery(text, terms);
    const { value: route, meta } = await deps.model.route({ text, history, signal: cfg?.signal });
    calls.push(meta);
    const c = choose(deps, text, e, route, state.memory, state.input, product);
    if (!first) {
      first = c;
      entities = e;
      routed.push({ text, agent: c.agent ?? 'general', route: { ...route, domain: c.agent ?? c.domain } });
    } else {
      // A later question of the same message cannot get a clarifying question of its own: when its
      // readings are close, the best one answers it ("…and can I extend it?").
      const agent = c.agent ?? (c.clarifying ? (c.domain as Specialist) : undefined);
      if (agent && c.domain !== 'human') routed.push({ text, agent, route: { ...route, domain: agent } });
    }
  }
  const head = routed[0]!;
  // Gibberish ("asdfgh"): nothing recognisable, no identifiers: ask again, never escalate on it.
  const e = entities!;
  const unrecognised = read.known < 0.34 && !e.orderNumbers.length && !e.emails.length && !e.promoCodes.length && !e.productSkus.length && !SMALL_TALK.test(read.text);
  const escalation = parts.some((p) => ASKS_FOR_PERSON.test(p)) || (first!.domain === 'human' && !first!.agent)
    ? { escalation: { reason: 'customer_request' as const, detail: 'customer asked for a person' } }
    : {};
  return {
    read,
    question: head.text,
    queue: routed.slice(1),
    route: head.route,
    entities: e,
    agent: head.agent,
    clarifying: !escalation.escalation && (first!.clarifying || unrecognised),
    memory: { unclear: unrecognised ? (state.memory.unclear ?? 0) + 1 : 0 },
    ...escalation,
    calls,
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

export const makeClarifyNode = (deps: GraphDeps) => (state: TurnStateT): TurnUpdate => {
  if ((state.read?.known ?? 1) < 0.34) {
    const again = (state.memory.unclear ?? 0) >= 2;
    return {
      reply: again
        ? "Sorry, I still didn't catch that. You can ask me about products, orders and delivery, returns, warranty or promotions — or say \"talk to a person\" and I'll bring in someone from our team."
        : "Sorry, I didn't catch that. Could you say it in a few words — for example a product, an order number, or a question about returns or delivery?",
      agent: 'general',
    };
  }
  const ranked = deps.router.domains(state.question ?? state.input.text).filter(([d]) => d !== 'human');
  const a = ranked[0]?.[0] ?? state.route.domain;
  const b = ranked[1]?.[0] ?? (a === 'support' ? 'logistics' : 'support');
  return {
    reply: `I understood this is about ${DOMAIN_WORDS[a]} — is that right, or is it about ${DOMAIN_WORDS[b]}? A few more words will help me answer exactly.`,
    agent: 'general',
  };
};
