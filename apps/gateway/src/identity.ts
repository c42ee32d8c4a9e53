import { createHmac, timingSafeEqual } from 'node:crypto';

/** hex HMAC-SHA256 of the lower-cased email, as a shop's backend computes it (DESIGN §3). */
export const identityHash = (email: string, secret: string) =>
  createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex');

export function verifyIdentityHash(email: string, hash: string, secret: string): boolean {
  const expected = Buffer.from(identityHash(email, secret), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
