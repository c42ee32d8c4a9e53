import { activePromotions, getPromotion, isPromotionValid } from '@em/db/queries/promotions';
import type { SpecialistContext, SpecialistResult } from '../graph/types';
import { kbAnswerOrHandoff } from './compose';

export async function marketingAgent(ctx: SpecialistContext): Promise<SpecialistResult> {
  const { deps, input, entities, memory } = ctx;
  const now = deps.now?.() ?? new Date();
  const code = entities.promoCodes[0] ?? (/\b(it|that code|this code)\b/i.test(input.text) ? memory.lastPromoCode : undefined);
  if (code) {
    const promo = await getPromotion(deps.db, code);
    if (!promo) return { draft: `I couldn't find a promo code called ${code}. Please check the spelling.`, memory: { lastPromoCode: code } };
    const valid = isPromotionValid(promo, now);
    const draft = valid
      ? `Good news: ${promo.code} is valid — ${promo.description}. ${promo.conditions}`
      : `Sorry, ${promo.code} has expired${promo.endsAt ? ` (it ended on ${promo.endsAt.toISOString().slice(0, 10)})` : ''} and can no longer be used. It was: ${promo.description}.`;
    return { draft: draft.trim(), sources: [`promotion:${promo.code}`], memory: { lastPromoCode: promo.code } };
  }
  if (/\b(promo|promotion|discount|deal|sale|coupon|offer|code)s?\b/i.test(input.text)) {
    const promos = await activePromotions(deps.db, now);
    if (promos.length) {
      return {
        draft: `Current promotions:\n${promos.map((p) => `• ${p.code}: ${p.description}. ${p.conditions}`).join('\n')}`,
        sources: promos.map((p) => `promotion:${p.code}`),
      };
    }
  }
  const kb = kbAnswerOrHandoff(deps.kb, input.text, 'marketing');
  if (kb) return kb;
  return { draft: 'I can check promo codes, list current promotions, or help with the newsletter, reviews and loyalty points. What would you like?', failed: true };
}
