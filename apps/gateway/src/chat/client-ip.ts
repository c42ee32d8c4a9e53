import type { Socket } from 'socket.io';
import { createClientAddress } from '../http/trust-proxy';

/**
 * The client's IP for per-IP limits on /chat handshakes. X-Forwarded-For is believed only from the
 * proxies named in TRUST_PROXY (none by default), exactly as Express decides req.ip for /api.
 */
export function createSocketClientIp(trusted: readonly string[] = []) {
  const address = createClientAddress(trusted);
  return (socket: Pick<Socket, 'request'>): string => address(socket.request);
}
