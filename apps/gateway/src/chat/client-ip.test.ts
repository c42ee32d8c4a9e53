import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSocketClientIp } from './client-ip';
import { parseTrustProxy } from '../http/trust-proxy';

const hs = (address: string, xff?: string) =>
  ({ request: { socket: { remoteAddress: address }, connection: { remoteAddress: address }, headers: xff ? { 'x-forwarded-for': xff } : {} } as unknown as IncomingMessage }) as never;

describe('socket client IP', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (the default), even from loopback', () => {
    const ip = createSocketClientIp(parseTrustProxy(undefined));
    expect(ip(hs('127.0.0.1', '198.51.100.7'))).toBe('127.0.0.1');
    expect(ip(hs('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('believes X-Forwarded-For only from the named proxies, taking the nearest untrusted hop', () => {
    const ip = createSocketClientIp(parseTrustProxy('loopback, 10.0.0.0/8'));
    expect(ip(hs('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    expect(ip(hs('127.0.0.1', '1.1.1.1, 198.51.100.7'))).toBe('198.51.100.7');
    expect(ip(hs('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.1.2.3'))).toBe('198.51.100.7');
  });

  it('refuses a TRUST_PROXY entry that is not an address, range or known name', () => {
    expect(() => parseTrustProxy('loopback,not-an-ip')).toThrow();
    expect(parseTrustProxy('')).toEqual([]);
  });
});
