import type { Socket } from 'socket.io-client';

/**
 * A client socket without its event typing. Fuzzers and limit tests send on purpose what the typed
 * contract forbids (unknown events, wrong payloads, a bare callback); typed code never needs this.
 */
export function untyped(socket: Socket<any, any>): Socket {
  return socket;
}

/** A Result-shaped ack as it comes off the wire, before the test narrows it. */
export type WireAck<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message?: string } };
