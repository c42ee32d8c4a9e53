import { isIP } from 'node:net';
import type { Socket } from 'socket.io';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's IP for per-IP limits. Mirrors Express' `trust proxy: 'loopback'`: X-Forwarded-For
 * is believed only when the direct peer is a local reverse proxy, and then its last hop is used.
 */
export function clientIp(socket: Pick<Socket, 'handshake'>): string {
  const peer = socket.handshake.address;
  const xff = socket.handshake.headers['x-forwarded-for'];
  if (LOOPBACK.has(peer) && typeof xff === 'string') {
    const last = xff.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last && isIP(last)) return last;
  }
  return peer;
}
