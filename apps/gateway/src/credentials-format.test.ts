// Stryker survivors of the gateway group (issue 16): the identity hash is the shop backend's contract
// (HMAC-SHA256 hex of the trimmed, lower-cased email, computed independently here), and the console
// token is read from `Authorization: Bearer …` or the httpOnly cookie exactly.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { CONSOLE_COOKIE, createConsoleTokens, tokenFromRequest } from './console/console-tokens';
import { identityHash, verifyIdentityHash } from './identity';
import { createSessionTokens } from './session-token';

const secret = 'shop-identity-secret-0123456789';
const shopBackend = (email: string) => createHmac('sha256', secret).update(email).digest('hex');

describe('identity hash: what a shop backend computes', () => {
  it('is the HMAC of the trimmed, lower-cased email', () => {
    const expected = shopBackend('alice@example.com');
    expect(identityHash('alice@example.com', secret)).toBe(expected);
    expect(identityHash('  Alice@Example.COM \n', secret)).toBe(expected);
    expect(verifyIdentityHash(' ALICE@example.com', expected, secret)).toBe(true);
    expect(verifyIdentityHash('alice@example.com', shopBackend('Alice@Example.com'), secret)).toBe(false);
  });
});

describe('console token transport', () => {
  it('reads a bearer token, trimmed; an empty or other scheme is no token', () => {
    expect(tokenFromRequest({ authorization: 'Bearer abc.def.ghi  ' })).toBe('abc.def.ghi');
    expect(tokenFromRequest({ authorization: 'Bearer    ' })).toBeNull();
    expect(tokenFromRequest({ authorization: 'Basic abc.def.ghi' })).toBeNull();
    expect(tokenFromRequest({ authorization: 'abc.def.ghi' })).toBeNull();
    expect(tokenFromRequest({})).toBeNull();
  });

  it('reads the console cookie among others, decoded; a look-alike or empty cookie is no token', () => {
    expect(tokenFromRequest({ cookie: `theme=dark;  ${CONSOLE_COOKIE}=a%2Eb.c ; other=1` })).toBe('a.b.c');
    expect(tokenFromRequest({ cookie: `${CONSOLE_COOKIE}=x.y.z` })).toBe('x.y.z');
    expect(tokenFromRequest({ cookie: `x${CONSOLE_COOKIE}=a.b.c; ${CONSOLE_COOKIE}_old=d.e.f` })).toBeNull();
    expect(tokenFromRequest({ cookie: `${CONSOLE_COOKIE}=` })).toBeNull();
    // The header wins over the cookie.
    expect(tokenFromRequest({ authorization: 'Bearer h.h.h', cookie: `${CONSOLE_COOKIE}=c.c.c` })).toBe('h.h.h');
  });
});

describe('token audiences are fixed names', () => {
  // Tokens outlive a deploy and cross gateway nodes: the audience each kind is issued for is part of its format.
  it('widget sessions are issued for em-chat, console tokens for em-console', async () => {
    const widget = await createSessionTokens(secret).sign({ conversationId: randomUUID(), siteKey: 'demo-site', verified: false });
    expect(decodeJwt(widget).aud).toBe('em-chat');
    const consoleTokens = createConsoleTokens(secret);
    const signed = await consoleTokens.sign({ userId: randomUUID(), role: 'agent', name: 'Sam', tokenVersion: 0 });
    expect(decodeJwt(signed).aud).toBe('em-console');
  });
});
