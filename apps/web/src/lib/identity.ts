import 'server-only';
import { identityHash, normalizeIdentityEmail } from '@em/config/identity';
import type { BridgeIdentity } from './bridge';

/**
 * The demo storefront's signed identity (DESIGN §3), with the gateway's own hash function
 * (@em/config/identity). Server only: the secret must never reach a browser.
 */
export function signIdentity(email: string, name: string | undefined, secret: string): BridgeIdentity {
  const normalized = normalizeIdentityEmail(email);
  const hash = identityHash(normalized, secret);
  return name ? { email: normalized, name, hash } : { email: normalized, hash };
}
