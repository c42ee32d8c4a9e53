import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The verified-customer identity proof (DESIGN §3): hex HMAC-SHA256 of the trimmed, lower-cased
 * email with the site's identity secret. The one implementation: the gateway verifies with it, the
 * demo storefront (server side only) and the test and eval clients sign with it. Server only
 * (node:crypto, and the secret must never reach a browser); a shop's own backend computes the same.
 */
export const identityHash = (email: string, secret: string): string =>
  createHmac('sha256', secret).update(normalizeIdentityEmail(email)).digest('hex');

/** The email as it is signed and stored: trimmed and lower-cased. */
export const normalizeIdentityEmail = (email: string): string => email.trim().toLowerCase();

/** Constant-time check of a presented hash (hex) against the email's. */
export function verifyIdentityHash(email: string, hash: string, secret: string): boolean {
  const expected = Buffer.from(identityHash(email, secret), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
