import { z } from 'zod';
import { createHs256Codec } from './jwt';

const Claims = z.object({ sub: z.string().uuid(), site: z.string(), cus: z.string().uuid().optional(), ver: z.boolean() });
export type SessionClaims = { conversationId: string; siteKey: string; customerId?: string; verified: boolean };

/** 24 h sliding: every connect re-issues the token, so an active customer never expires. */
export const SESSION_TTL_S = 24 * 3600;

export function createSessionTokens(secret: string, ttlSeconds = SESSION_TTL_S) {
  const codec = createHs256Codec({ secret, audience: 'em-chat', ttlSeconds });
  return {
    sign(c: SessionClaims): Promise<string> {
      return codec.sign(c.conversationId, { site: c.siteKey, ver: c.verified, ...(c.customerId ? { cus: c.customerId } : {}) });
    },
    /** Returns null for anything forged, expired, of another algorithm or audience. */
    async verify(token: string): Promise<SessionClaims | null> {
      const c = Claims.safeParse(await codec.verify(token));
      if (!c.success) return null;
      return { conversationId: c.data.sub, siteKey: c.data.site, verified: c.data.ver, ...(c.data.cus ? { customerId: c.data.cus } : {}) };
    },
  };
}
export type SessionTokens = ReturnType<typeof createSessionTokens>;
