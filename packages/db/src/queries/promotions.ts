import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { promotions } from '../schema/index';

export type Promotion = typeof promotions.$inferSelect;

export async function getPromotion(db: Db, code: string): Promise<Promotion | null> {
  const [row] = await db.select().from(promotions).where(eq(promotions.code, code.toUpperCase())).prepare('promotion_by_code').execute();
  return row ?? null;
}

export async function activePromotions(db: Db, now = new Date()): Promise<Promotion[]> {
  const rows = await db.select().from(promotions).where(eq(promotions.active, true)).prepare('active_promotions').execute();
  return rows.filter((p) => !p.endsAt || p.endsAt > now);
}

export const isPromotionValid = (p: Promotion, now = new Date()) => p.active && p.startsAt <= now && (!p.endsAt || p.endsAt > now);
