import type { AgentName, Domain, Route } from '@em/contracts/schemas';
import type { Db } from '@em/db/client';
import type { Product } from '@em/db/queries/catalog';
import type { KnowledgeBase } from '../kb/kb';
import type { IntentRouter } from '../router/router';
import type { SentimentAnalysis } from '../sentiment';
import type { Entities } from '../nlu/entities';
import type { ModelPort } from '../model/port';
import type { Speller } from '../lexicon/speller';
import type { CatalogTerms } from '../nlu/product-query';
import type { Lexicon } from '../lexicon/lexicon';
import type { Lang } from '../i18n/languages';
import type { LocalizedResources } from '../i18n/resources';
import type { TurnAttachment } from './attachments-ack';

export type Specialist = Exclude<AgentName, 'orchestrator'>;

/** What the graph remembers between turns (kept in Redis session state by the worker). */
export interface Memory {
  lastProductSkus: string[];
  /** Whether the last products shown were the customer's own picks (named, compared) or a sample of a search. */
  lastListKind?: 'named' | 'search';
  /** The product the last single-product answer was about, and the one before it ("the other one"). */
  focusSku?: string;
  previousFocusSku?: string;
  /** Category of the last products shown, so "the cheapest one?" stays in it. */
  lastCategory?: string;
  /** Product types of the last search ("headphones" spans audio and gaming), so "something waterproof?" stays with them. */
  lastKinds?: string[];
  /** The price bounds of the last search ("under $1,000"), so "any with 16 GB?" keeps the budget. */
  lastMinPriceCents?: number;
  lastMaxPriceCents?: number;
  lastOrderNumber?: string;
  /** The order talked about before the last one ("and my other order?"). */
  previousOrderNumber?: string;
  lastPromoCode?: string;
  lastTicketNumber?: string;
  /** Orders a guest proved with the order's email: each proof unlocks that order only (never the account). */
  provenOrders?: string[];
  provenEmail?: string;
  /** Failed order/email proofs in this conversation (bounded, against enumeration). */
  proofAttempts?: number;
  /** Knowledge-base passage of the last policy answer, for follow-ups ("and express?"). */
  lastTopic?: string;
  /** Messages in a row the assistant could not make sense of (one alone never escalates). */
  unclear?: number;
  failures: number;
  negativeStreak: number;
  lastAgent?: Specialist;
  /** The conversation's language (i18n/detect.ts hysteresis); absent until a message says which. */
  language?: Lang;
  /** Another language seen once on a short message; a second one in a row switches. */
  languagePending?: Lang;
  /** The last reply offered a person ("…or shall I connect you?"), so a bare "yes" accepts. */
  personOffered?: boolean;
}

export const emptyMemory = (): Memory => ({ lastProductSkus: [], failures: 0, negativeStreak: 0 });

export interface TurnInput {
  text: string;
  history: Array<{ role: string; text: string; agent?: string }>;
  /** Customer id bound to a verified session (identity HMAC); never taken from message text. */
  verifiedCustomerId?: string;
  customerName?: string;
  /** Links tickets the assistant opens to the conversation (optional for older callers). */
  conversationId?: string;
  /** The site's default locale (SITES_JSON `locale`): the answer language until the customer's own words say otherwise. */
  siteLocale?: string;
  /** Files the customer sent with this message (issue 20); the reply thanks for them. */
  attachments?: TurnAttachment[];
  memory: Memory;
}

export interface Handoff {
  from: string;
  to: string;
  reason: string;
}

export interface Escalation {
  reason: 'customer_request' | 'negative_sentiment' | 'ai_failed' | 'policy';
  detail: string;
}

export interface TurnOutput {
  reply: string;
  agent: Specialist;
  route: Route;
  sentiment: SentimentAnalysis;
  entities: Entities;
  sources: string[];
  handoffs: Handoff[];
  escalation?: Escalation;
  clarifying: boolean;
  memory: Memory;
  timings: Record<string, number>;
  /** Who answered (offline, or openai when at least one network call succeeded), tokens and estimated cost. */
  usage?: TurnUsage;
  /** The specialist could not answer from data (no KB hit, unknown product, …). */
  fallback?: boolean;
  /** Language the reply is in: the conversation's language after this message (en, de, es, fr). */
  language: Lang;
  /** Language of this customer message alone, when it carried enough text to tell (store it on the message). */
  detectedLanguage?: Lang;
}

export interface TurnUsage {
  provider: 'offline' | 'openai';
  tokens?: { prompt: number; completion: number };
  costUsd?: number;
  /** Network calls answered by the offline model instead (error, timeout, unusable output). */
  providerFallbacks?: number;
}

export interface GraphDeps {
  db: Db;
  kb: KnowledgeBase;
  router: IntentRouter;
  model: ModelPort;
  /** Catalog names for entity matching, loaded once per process. */
  catalog: Array<Pick<Product, 'sku' | 'name' | 'brand'> & { category?: string }>;
  /** The catalog's category and product-kind words (catalog_terms); loaded once by the graph when absent. */
  catalogTerms?: () => Promise<CatalogTerms>;
  /** Spelling correction against the shop's vocabulary (generated/lexicon.bin). */
  speller?: Speller;
  lexicon?: Lexicon;
  /** Below this router confidence the orchestrator asks a clarifying question (guidance 0.6). */
  clarifyBelow?: number;
  now?: () => Date;
  /** German, Spanish and French offline path (intent model + translated KB facts); absent: English only. */
  i18n?: LocalizedResources;
}

export interface SpecialistResult {
  /** Facts the reply must rest on; the offline model composes from them, a network model rephrases. */
  draft: string;
  sources?: string[];
  handoffTo?: Specialist;
  handoffReason?: string;
  escalation?: Escalation;
  memory?: Partial<Memory>;
  /** The specialist could not answer from data (counts toward "failed twice"). */
  failed?: boolean;
}

export interface SpecialistContext {
  deps: GraphDeps;
  input: TurnInput;
  entities: Entities;
  memory: Memory;
  route: Route;
  domain: Domain;
}
