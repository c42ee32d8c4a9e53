import { z } from 'zod';
import { getProductsBySku } from '@em/db/queries/catalog';
import { listOrdersForCustomer } from '@em/db/queries/orders';
import { getPromotion, isPromotionValid, type Promotion } from '@em/db/queries/promotions';
import { defineTool } from './types';

export const PromoCode = z.string().regex(/^[A-Z0-9]{3,20}$/i).transform((s) => s.toUpperCase());

export interface PromoCheck {
  code: string;
  exists: boolean;
  valid: boolean;
  promo?: Promotion;
  /** Why the code cannot be used here (expired, first order only, not for this product). */
  blockedBy?: 'expired' | 'first_order_only' | 'not_for_product';
  /** The arithmetic on a product or an amount, in cents. */
  applied?: { baseCents: number; discountCents: number; finalCents: number; productName?: string };
}

// A promotion's own conditions say where it applies ("Headphones and speakers only"): read the
// nouns before "only" from the row rather than keeping a second list in code.
const onlyFor = (p: Promotion) =>
  /^([\w\s,]+?)\s+only\b/i
    .exec(p.conditions)?.[1]
    ?.toLowerCase()
    .split(/\s*,\s*|\s+(?:and|or)\s+/)
    .map((w) => w.trim().replace(/s$/, ''))
    .filter((w) => w && !/\b(valid|first|order|customer)\b/.test(w)) ?? [];
const firstOrderOnly = (p: Promotion) => /\bfirst order\b/i.test(`${p.conditions} ${p.description}`);

export const promoCheck = defineTool({
  name: 'promo_check',
  description: 'Whether a promo code exists and can be used now, and the price after it on a product or an amount.',
  input: z.object({ code: PromoCode, productSku: z.string().max(40).optional(), amountCents: z.number().int().min(0).max(100_000_000).optional() }),
  async run({ db, now }, scope, { code, productSku, amountCents }): Promise<PromoCheck> {
    const promo = await getPromotion(db, code);
    if (!promo) return { code, exists: false, valid: false };
    const at = now?.() ?? new Date();
    const out: PromoCheck = { code: promo.code, exists: true, valid: isPromotionValid(promo, at), promo };
    if (!out.valid) return { ...out, blockedBy: 'expired' };
    const [product] = productSku ? await getProductsBySku(db, [productSku]) : [];
    const limits = onlyFor(promo);
    if (product && limits.length && !limits.some((w) => `${product.name} ${product.category} ${product.description}`.toLowerCase().includes(w))) {
      out.blockedBy = 'not_for_product';
    }
    if (!out.blockedBy && firstOrderOnly(promo) && scope.customerId && (await listOrdersForCustomer(db, scope.customerId)).length > 0) {
      out.blockedBy = 'first_order_only';
    }
    const base = product?.priceCents ?? amountCents;
    if (base !== undefined) {
      const discount = out.blockedBy ? 0 : Math.round((base * promo.discountPercent) / 100);
      out.applied = { baseCents: base, discountCents: discount, finalCents: base - discount, ...(product ? { productName: product.name } : {}) };
    }
    return out;
  },
});
