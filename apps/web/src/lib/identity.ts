import 'server-only';
import { createHmac } from 'node:crypto';
import type { BridgeIdentity } from './bridge';

/**
 * hex HMAC-SHA256 of the lower-cased email (DESIGN §3), exactly as the gateway verifies it.
 * Server only: the secret must never reach a browser.
 */
export function signIdentity(email: string, name: string | undefined, secret: string): BridgeIdentity {
  const normalized = email.trim().toLowerCase();
  const hash = createHmac('sha256', secret).update(normalized).digest('hex');
  return name ? { email: normalized, name, hash } : { email: normalized, hash };
}
