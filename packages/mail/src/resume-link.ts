import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A link back stays valid this long (s): long enough for "I'll read it tomorrow", not forever. */
export const RESUME_LINK_TTL_S = 14 * 24 * 3600;

const Claims = z.object({ c: z.string().uuid(), s: z.string(), e: z.string(), x: z.number().int() });

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');
/** The address is not in the link, only a hash of it: a forwarded or logged URL names nobody. */
const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);

/**
 * Links back to a conversation, mailed to the address it follows up with (DESIGN §10, issue 20).
 * The token is signed (HMAC-SHA256 with the session secret), names the conversation, the site and
 * a hash of the address it was mailed to, and expires. The gateway accepts it in the /chat
 * handshake (`auth.resumeToken`) only while the conversation still follows up with that address,
 * so whoever can read that mailbox, and nobody else, can reopen the chat. It travels in the URL's
 * fragment (#resume=…), which browsers never send to a server or put in a Referer.
 */
export function createResumeLinks(opts: { secret: string; widgetUrl: string; ttlS?: number; now?: () => number }) {
  const now = opts.now ?? (() => Date.now());
  const sign = (payload: string) => createHmac('sha256', opts.secret).update(`em-resume.${payload}`).digest();
  return {
    token(input: { conversationId: string; siteKey: string; email: string }) {
      const payload = b64(
        JSON.stringify({ c: input.conversationId, s: input.siteKey, e: emailHash(input.email), x: Math.floor(now() / 1000) + (opts.ttlS ?? RESUME_LINK_TTL_S) }),
      );
      return `${payload}.${b64(sign(payload))}`;
    },
    /** The widget page that resumes the conversation. */
    url(input: { conversationId: string; siteKey: string; email: string }) {
      const u = new URL(opts.widgetUrl);
      u.searchParams.set('siteKey', input.siteKey);
      return `${u.toString()}#resume=${this.token(input)}`;
    },
    /** The conversation, when the token is genuine, unexpired, of this site and for this address. */
    verify(token: string, check: { siteKey: string }): { conversationId: string; matchesEmail: (email: string | null) => boolean } | null {
      const [payload, mac] = token.split('.');
      if (!payload || !mac) return null;
      const expected = sign(payload);
      const given = Buffer.from(mac, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: z.infer<typeof Claims>;
      try {
        claims = Claims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
      } catch {
        return null;
      }
      if (claims.x * 1000 < now() || claims.s !== check.siteKey) return null;
      return { conversationId: claims.c, matchesEmail: (email) => !!email && emailHash(email) === claims.e };
    },
  };
}
export type ResumeLinks = ReturnType<typeof createResumeLinks>;
