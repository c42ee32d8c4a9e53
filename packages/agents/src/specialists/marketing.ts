import { activePromotions } from '@em/db/queries/promotions';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { promoCheck, type PromoCheck } from '../tools/promotions';
import { toolScope } from './scope';
import { answerFromKb, kbAnswerOrHandoff, money } from './compose';
import { pointsBack } from './product-refs';

const STACKING = /\b(combine|combin\w+|stack\w*|together|both (codes|of them)|two (promo )?codes|more than one (promo )?code|multiple (promo )?codes|another code|second code)\b/i;
const PROMO_WORDS = /\b(promo|promotion|discount|deal|sale|coupon|offer|code|voucher)s?\b/i;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** One code, phrased from the tool's answer (validity, who may use it, the arithmetic). */
export function describePromo(c: PromoCheck): string {
  if (!c.exists || !c.promo) return `I couldn't find a promo code called ${c.code}. Please check the spelling.`;
  const p = c.promo;
  if (c.blockedBy === 'expired') {
    return `Sorry, ${p.code} has expired${p.endsAt ? ` (it ended on ${day(p.endsAt)})` : ''} and can no longer be used. It was: ${p.description}.`;
  }
  const on = c.applied?.productName ? ` the ${c.applied.productName}` : c.applied ? ` ${money(c.applied.baseCents)}` : '';
  if (c.blockedBy === 'first_order_only') {
    return `${p.code} is valid, but only on a first order (${p.conditions.replace(/\.$/, '')}), and your account already has orders, so it can't be used on this one.`;
  }
  if (c.blockedBy === 'not_for_product') return `${p.code} (${p.description}) can't be used on${on}: ${p.conditions}`;
  const maths = c.applied
    ? ` On${on} (${money(c.applied.baseCents)}) it takes off ${money(c.applied.discountCents)}, so you would pay ${money(c.applied.finalCents)}.`
    : '';
  return `Good news: ${p.code} is valid — ${p.description}.${maths} ${p.conditions}`.trim();
}

/** The product a promo question is about: named in the message, or the one in focus ("on it"). */
function productInQuestion(ctx: SpecialistContext): string | undefined {
  const { entities, memory, input } = ctx;
  if (entities.productSkus[0]) return entities.productSkus[0];
  // A follow-up right after a product was shown ("and with WELCOME10?", "what would I pay with AUDIO15?").
  const afterProduct = input.history.length > 0 && memory.lastAgent === 'sales';
  if (afterProduct || pointsBack(input.text, false) || /\b(would it|will it|it cost|it be|on it|for it|total|final price|how much|would i pay|pay with)\b/i.test(input.text)) {
    return memory.focusSku ?? (memory.lastProductSkus.length === 1 ? memory.lastProductSkus[0] : undefined);
  }
  return undefined;
}

export async function marketingAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  const scope = toolScope(ctx);
  const codes = entities.promoCodes.length ? entities.promoCodes : /\b(it|that|this|the|same) (code|coupon|discount|promo|voucher)\b|\bit\b/i.test(input.text) && memory.lastPromoCode ? [memory.lastPromoCode] : [];
  if (codes.length > 1 || (STACKING.test(input.text) && PROMO_WORDS.test(input.text))) {
    // The stacking rule is the shop's own (promotions article), not a constant here.
    const rule = answerFromKb(deps.kb, 'promo code rules: can I combine two promo codes on one order?');
    const checks = await Promise.all(codes.slice(0, 3).map((code) => promoCheck.run(deps, scope, { code })));
    const each = checks.map((c) => `• ${c.exists && c.promo ? `${c.promo.code}: ${c.valid ? 'valid' : 'expired'} — ${c.promo.description}` : `${c.code}: not a code we know`}`);
    const ruleText = rule?.text.replace(/^(Yes|No) — /, '') ?? '';
    return {
      draft: [`No — codes can't be stacked. ${ruleText}`.trim(), ...(each.length ? ['', ...each] : [])].join('\n'),
      sources: [...(rule?.sources ?? []), ...checks.filter((c) => c.promo).map((c) => `promotion:${c.promo!.code}`)],
      ...(codes[0] ? { memory: { lastPromoCode: codes[0] } } : {}),
    };
  }
  if (codes[0]) {
    const sku = productInQuestion(ctx);
    const check = await promoCheck.run(deps, scope, { code: codes[0], ...(sku ? { productSku: sku } : {}), ...(!sku && entities.maxPriceCents === undefined && entities.amountCents ? { amountCents: entities.amountCents } : {}) });
    return {
      draft: describePromo(check),
      sources: check.promo ? [`promotion:${check.promo.code}`, ...(sku && check.applied ? [`product:${sku}`] : [])] : [],
      memory: { lastPromoCode: check.promo?.code ?? codes[0] },
    };
  }
  if (PROMO_WORDS.test(input.text) && !/\bnot working|doesn'?t work|won'?t work|rejected|invalid\b/i.test(input.text)) {
    const promos = await activePromotions(deps.db, deps.now?.() ?? new Date());
    if (promos.length) {
      // A promotion for what the customer named ("deals on headphones") comes first and is the one
      // "that code" means next.
      const words = (input.text.toLowerCase().match(/[a-z]{3,}/g) ?? []).map((w) => w.replace(/s$/, ''));
      const relevant = promos.filter((p) => words.some((w) => w.length > 3 && `${p.description} ${p.conditions}`.toLowerCase().includes(w) && !/^(code|deal|discount|promo|offer|sale|coupon|voucher|right|now|have|any)$/.test(w)));
      const ordered = [...relevant, ...promos.filter((p) => !relevant.includes(p))];
      return {
        draft: `${relevant.length ? 'Yes! ' : ''}Current promotions:\n${ordered.map((p) => `• ${p.code}: ${p.description}. ${p.conditions}`).join('\n')}\nOnly one code can be used per order.`,
        sources: ordered.map((p) => `promotion:${p.code}`),
        ...(relevant.length === 1 ? { memory: { lastPromoCode: relevant[0]!.code } } : {}),
      };
    }
  }
  const kb = kbAnswerOrHandoff(deps.kb, input.text, 'marketing', memory.lastTopic);
  if (kb) return kb;
  return { draft: 'I can check promo codes, list current promotions, or help with the newsletter, reviews and loyalty points. What would you like?', failed: true };
}
