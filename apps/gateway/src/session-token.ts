import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';

const Claims = z.object({ sub: z.string().uuid(), site: z.string(), cus: z.string().uuid().optional(), ver: z.boolean() });
export type SessionClaims = { conversationId: string; siteKey: string; customerId?: string; verified: boolean };

/** 24 h sliding: every connect re-issues the token, so an active customer never expires. */
export const SESSION_TTL_S = 24 * 3600;

export function createSessionTokens(secret: string, ttlSeconds = SESSION_TTL_S) {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(c: SessionClaims): Promise<string> {
      return new SignJWT({ site: c.siteKey, ver: c.verified, ...(c.customerId ? { cus: c.customerId } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.conversationId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .setAudience('em-chat')
        .sign(key);
    },
    /** Returns null for anything forged, expired, of another algorithm or audience. */
    async verify(token: string): Promise<SessionClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: 'em-chat' });
        const c = Claims.parse(payload);
        return { conversationId: c.sub, siteKey: c.site, verified: c.ver, ...(c.cus ? { customerId: c.cus } : {}) };
      } catch {
        return null;
      }
    },
  };
}
export type SessionTokens = ReturnType<typeof createSessionTokens>;
