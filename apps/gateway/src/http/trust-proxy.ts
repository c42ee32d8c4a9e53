import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * TRUST_PROXY (DESIGN §10): the proxies whose X-Forwarded-For is believed, as a comma-separated list
 * of addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`). Unset or
 * empty: none, so a client can't pick its own IP for the per-IP limits by sending the header.
 * proxy-addr is what Express itself uses for `trust proxy`, so HTTP (req.ip) and Socket.IO
 * handshakes agree on who the client is.
 */
export function parseTrustProxy(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  proxyaddr.compile(list); // throws on an entry that is neither an address, a range nor a known name
  return list;
}

/** The client's address: the nearest hop not in the trusted list (the socket's peer when nothing is trusted). */
export function createClientAddress(trusted: readonly string[] = []): (req: IncomingMessage) => string {
  if (!trusted.length) return (req) => req.socket.remoteAddress ?? 'unknown';
  const trust = proxyaddr.compile([...trusted]);
  return (req) => proxyaddr(req, trust);
}

/** Express' `trust proxy` setting for the same list (false = the peer address is the client). */
export const expressTrustProxy = (trusted: readonly string[] = []) => (trusted.length ? [...trusted] : false);
