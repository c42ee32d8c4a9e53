import { z } from 'zod';
import { emptyMemory, type Memory } from './types';
import { LANGUAGES } from '../i18n/languages';

const Sku = z.string().max(40);
const Agent = z.enum(['sales', 'marketing', 'support', 'logistics', 'general']);

/** Entity memory as stored between turns (Redis session state): parsed, not trusted, on load. */
export const MemorySchema = z.object({
  lastProductSkus: z.array(Sku).max(10).default([]),
  lastListKind: z.enum(['named', 'search']).optional(),
  focusSku: Sku.optional(),
  previousFocusSku: Sku.optional(),
  lastCategory: z.string().max(40).optional(),
  lastKinds: z.array(z.string().max(40)).max(10).optional(),
  lastMinPriceCents: z.number().int().min(0).optional(),
  lastMaxPriceCents: z.number().int().min(0).optional(),
  lastOrderNumber: z.string().regex(/^EM-\d{5}$/).optional(),
  previousOrderNumber: z.string().regex(/^EM-\d{5}$/).optional(),
  lastPromoCode: z.string().max(40).optional(),
  lastTicketNumber: z.string().regex(/^TK-\d{4,}$/).optional(),
  provenOrders: z.array(z.string().regex(/^EM-\d{5}$/)).max(20).optional(),
  provenEmail: z.string().email().optional(),
  proofAttempts: z.number().int().min(0).max(1000).optional(),
  lastTopic: z.string().max(120).optional(),
  unclear: z.number().int().min(0).max(1000).optional(),
  failures: z.number().int().min(0).default(0),
  negativeStreak: z.number().int().min(0).default(0),
  lastAgent: Agent.optional(),
  language: z.enum(LANGUAGES).optional(),
  languagePending: z.enum(LANGUAGES).optional(),
  personOffered: z.boolean().optional(),
});

/** A stored memory, or an empty one when it is missing or malformed (a bad blob must not break a turn). */
export function parseMemory(raw: unknown): Memory {
  const r = MemorySchema.safeParse(raw);
  return r.success ? { ...emptyMemory(), ...r.data } : emptyMemory();
}
