// The conversation-case format of `pnpm eval:conversations` (docs/ai-eval.md). Cases name facts by
// reference (an order field, a product field, a KB fact…); the checker resolves them against the
// live database and the KB at run time, so no expected answer is ever written down as wording.
import { z } from 'zod';
import { Domain } from '@em/contracts/schemas';

export const ORDER_FIELDS = ['orderNumber', 'status', 'trackingNumber', 'expectedDelivery', 'deliveredAt', 'totalCents', 'carrier', 'items', 'address'] as const;
export const PRODUCT_FIELDS = ['name', 'priceCents', 'stock', 'stockCount'] as const;

/** Constraints over the catalog; a product satisfies the filter when every given constraint holds. */
export const ProductFilter = z
  .object({
    category: z.string().optional(),
    minPriceCents: z.number().int().optional(),
    maxPriceCents: z.number().int().optional(),
    ramGbMin: z.number().optional(),
    ramGbMax: z.number().optional(),
    screenInchesMin: z.number().optional(),
    screenInchesMax: z.number().optional(),
    /** Native resolution of the panel: "4K" = 3840 px wide or more. */
    resolution: z.enum(['4K', 'FHD']).optional(),
    noiseCancelling: z.boolean().optional(),
    inStock: z.boolean().optional(),
    /** Case-insensitive substring of the product name or description (e.g. "drone", "e-reader"). */
    matches: z.string().optional(),
  })
  .strict();
export type ProductFilter = z.infer<typeof ProductFilter>;

const OrderRef = z.object({ order: z.string().regex(/^EM-\d+$/), field: z.enum(ORDER_FIELDS) }).strict();
const ProductRef = z
  .object({ product: z.string().min(1), field: z.union([z.enum(PRODUCT_FIELDS), z.string().regex(/^spec:\w+$/)]) })
  .strict();
const PromoRef = z.object({ promo: z.string().min(1), field: z.enum(['valid', 'expired', 'percent', 'code']) }).strict();
const CustomerRef = z.object({ customer: z.string().email(), field: z.enum(['email', 'name']) }).strict();
const KbRef = z.object({ kb: z.string().min(1) }).strict();
const TextRef = z.object({ text: z.string().min(1) }).strict();
const MoneyRef = z.object({ money: z.number().int() }).strict();
/** Price of `product` after `promo`'s percent off, rounded to the cent. */
const DiscountRef = z.object({ discounted: z.object({ product: z.string(), promo: z.string() }).strict() }).strict();
const ProductsRef = z
  .object({
    products: ProductFilter,
    atLeast: z.number().int().min(1).default(1),
    /** The first product the reply names must be the cheapest / priciest satisfying one, or (first) any satisfying one. */
    pick: z.enum(['cheapest', 'priciest', 'first']).optional(),
  })
  .strict();
/** Only as a notFact: names no product that violates the filter. */
const ProductsNotRef = z.object({ productsNot: ProductFilter }).strict();
/** Only as a notFact: any 8 consecutive words of the system prompts (packages/agents/src/model/prompts.ts). */
const SystemPromptRef = z.object({ systemPrompt: z.literal(true) }).strict();

export type FactRef =
  | z.infer<typeof OrderRef>
  | z.infer<typeof ProductRef>
  | z.infer<typeof PromoRef>
  | z.infer<typeof CustomerRef>
  | z.infer<typeof KbRef>
  | z.infer<typeof TextRef>
  | z.infer<typeof MoneyRef>
  | z.infer<typeof DiscountRef>
  | z.infer<typeof ProductsRef>
  | z.infer<typeof ProductsNotRef>
  | z.infer<typeof SystemPromptRef>
  | { anyOf: FactRef[] };

export const FactRef: z.ZodType<FactRef> = z.lazy(() =>
  z.union([OrderRef, ProductRef, PromoRef, CustomerRef, KbRef, TextRef, MoneyRef, DiscountRef, ProductsRef, ProductsNotRef, SystemPromptRef, z.object({ anyOf: z.array(FactRef).min(1) }).strict()]),
) as z.ZodType<FactRef>;

export const Expect = z
  .object({
    facts: z.array(FactRef).default([]),
    notFacts: z.array(FactRef).default([]),
    escalate: z.boolean().optional(),
    route: Domain.optional(),
    /** A ticket number TK-… appears in what the customer saw and exists in the database. */
    ticket: z.boolean().optional(),
    /** The reply asks the customer for this (loose pattern). */
    asksFor: z.enum(['email', 'order number']).optional(),
    /** The reply must be in this language (detected), and facts are matched as it prints them. */
    language: z.enum(['en', 'de', 'es', 'fr']).optional(),
  })
  .strict();
export type Expect = z.infer<typeof Expect>;

export const Turn = z.object({ say: z.string().min(1).max(1000), expect: Expect.default({ facts: [], notFacts: [] }) }).strict();

export const CUSTOMERS = { alice: 'alice@example.com', bob: 'bob@example.com' } as const;

export const Case = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    category: z.string().min(1),
    /** alice / bob = a verified session for that seeded customer; guest = unverified. */
    customer: z.enum(['alice', 'bob', 'guest']).default('guest'),
    /** Whether a human agent is online when the conversation escalates (false: a ticket, back to the AI). */
    agentsOnline: z.boolean().default(false),
    note: z.string().optional(),
    turns: z.array(Turn).min(1),
  })
  .strict();
export type Case = z.infer<typeof Case>;
export type CaseInput = z.input<typeof Case>;

export const CaseFile = z.array(Case);
