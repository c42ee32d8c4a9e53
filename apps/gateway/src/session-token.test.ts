import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { identityHash, verifyIdentityHash } from './identity';
import { createSessionTokens } from './session-token';

const secret = 'unit-test-secret-0123456789';

describe('session tokens', () => {
  const tokens = createSessionTokens(secret);
  it('round-trips the conversation and customer', async () => {
    const c = { conversationId: randomUUID(), siteKey: 'demo-site', customerId: randomUUID(), verified: true };
    expect(await tokens.verify(await tokens.sign(c))).toEqual(c);
  });
  it('refuses tokens signed with another key, expired, or with alg none', async () => {
    const other = createSessionTokens('another-secret-0123456789');
    const c = { conversationId: randomUUID(), siteKey: 'demo-site', verified: false };
    expect(await tokens.verify(await other.sign(c))).toBeNull();
    expect(await tokens.verify(await createSessionTokens(secret, -10).sign(c))).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: c.conversationId, site: 'demo-site', ver: false, aud: 'em-chat' })).toString('base64url')}.`;
    expect(await tokens.verify(none)).toBeNull();
    const hs512 = await new SignJWT({ site: 'demo-site', ver: false }).setProtectedHeader({ alg: 'HS512' }).setSubject(c.conversationId).setAudience('em-chat').sign(new TextEncoder().encode(secret));
    expect(await tokens.verify(hs512)).toBeNull();
  });
});

describe('identity hash', () => {
  it('verifies the HMAC of the lower-cased email in constant time', () => {
    const h = identityHash('Alice@Example.com', secret);
    expect(verifyIdentityHash('alice@example.com', h, secret)).toBe(true);
    expect(verifyIdentityHash('bob@example.com', h, secret)).toBe(false);
    expect(verifyIdentityHash('alice@example.com', 'abc', secret)).toBe(false);
  });
});
