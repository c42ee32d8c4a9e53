import { describe, expect, it } from 'vitest';
import { clientIp } from './client-ip';

const hs = (address: string, xff?: string) => ({ handshake: { address, headers: xff ? { 'x-forwarded-for': xff } : {} } }) as never;

describe('clientIp', () => {
  it('believes X-Forwarded-For only from a loopback proxy, and then its last hop', () => {
    expect(clientIp(hs('203.0.113.9'))).toBe('203.0.113.9');
    expect(clientIp(hs('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
    expect(clientIp(hs('127.0.0.1', '1.1.1.1, 198.51.100.7'))).toBe('198.51.100.7');
    expect(clientIp(hs('::1', 'garbage'))).toBe('::1');
  });
});
