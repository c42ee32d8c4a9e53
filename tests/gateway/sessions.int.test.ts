// Sessions and identity on /chat: resume by token (reload, second tab), expiry, forgery, identity
// binding, site keys and per-site origins — real socket.io clients, real Redis and Postgres.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '@em/config/identity';
import { createSessionTokens } from '../../apps/gateway/src/session-token';
import { IDENTITY_SECRET, SESSION_SECRET, nextReply, startHarness, type Harness } from '../harness';
import { closeAllClients, collect, connectChat, refusalCode } from './clients';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('gwsess');
  // A second shop with its own key, secret and origin (as SITES_JSON would configure).
  h.deps.sites.push({ siteKey: 'other-shop', identitySecret: 'other-shop-secret-0123456789', allowedOrigins: ['https://other.example'] });
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

const alice = (secret = IDENTITY_SECRET) => ({ email: 'alice@example.com', name: 'Alice Martin', hash: identityHash('alice@example.com', secret) });

describe('session tokens', () => {
  it('a reload and a second tab resume the same conversation; both tabs see every message', async () => {
    const a = await connectChat(h.url);
    const b = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    expect(b.ready.conversationId).toBe(a.ready.conversationId);
    const seenByB = collect(b.socket);
    const ack = await a.socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    if (!ack.ok) throw new Error(ack.error.code);
    await nextReply(b.socket, ack.data.messageId);
    expect(seenByB.map((m) => m.role)).toEqual(['customer', 'bot']);
    // Reload: a fresh connection with the newest token gets the whole history.
    a.socket.disconnect();
    const reload = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: b.ready.sessionToken });
    expect(reload.ready.conversationId).toBe(a.ready.conversationId);
    expect(reload.ready.messages.map((m) => m.seq)).toEqual([1, 2]);
    // Sliding expiry: each connect issues a fresh token for the same conversation.
    expect(await h.deps.sessions.verify(reload.ready.sessionToken)).toMatchObject({ conversationId: a.ready.conversationId });
  });

  it('refuses forged, expired, wrongly signed and other-site tokens with unauthorized', async () => {
    const { ready } = await connectChat(h.url);
    const claims = { conversationId: ready.conversationId, siteKey: 'demo-site', verified: false };
    const expired = await createSessionTokens(SESSION_SECRET, -10).sign(claims);
    const otherKey = await createSessionTokens('a-different-secret-0123456789').sign(claims);
    const [head, body] = ready.sessionToken.split('.');
    const tampered = `${head}.${body}x.${ready.sessionToken.split('.')[2]}`;
    // Right secret, wrong algorithm (HS512): only HS256 is accepted.
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS512' })}.${b64({ sub: ready.conversationId, site: 'demo-site', ver: false, aud: 'em-chat', exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const hs512 = `${unsigned}.${createHmac('sha512', SESSION_SECRET).update(unsigned).digest('base64url')}`;
    const codes = await Promise.all(
      [expired, otherKey, tampered, hs512, 'not-a-jwt'].map((sessionToken) => refusalCode(connectChat(h.url, { siteKey: 'demo-site', sessionToken }))),
    );
    expect(codes).toEqual(Array(5).fill('unauthorized'));
    // A valid token is bound to its site key.
    expect(await refusalCode(connectChat(h.url, { siteKey: 'other-shop', sessionToken: ready.sessionToken }))).toBe('unauthorized');
  });
});

describe('identity verification', () => {
  it('binds a verified session to the customer and keeps it verified on resume', async () => {
    const a = await connectChat(h.url, { siteKey: 'demo-site', identity: alice() });
    expect(a.ready.verified).toBe(true);
    const b = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken });
    expect(b.ready).toMatchObject({ conversationId: a.ready.conversationId, verified: true });
    // Signing in after chatting anonymously starts a verified conversation: the anonymous one
    // (whoever held its token) is never attached to the customer's account.
    const anon = await connectChat(h.url);
    const signedIn = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: anon.ready.sessionToken, identity: alice() });
    expect(signedIn.ready.verified).toBe(true);
    expect(signedIn.ready.conversationId).not.toBe(anon.ready.conversationId);
    // A different verified customer never inherits Alice's conversation.
    const bob = { email: 'bob@example.com', hash: identityHash('bob@example.com', IDENTITY_SECRET) };
    const other = await connectChat(h.url, { siteKey: 'demo-site', sessionToken: a.ready.sessionToken, identity: bob });
    expect(other.ready.conversationId).not.toBe(a.ready.conversationId);
    expect(other.ready.messages).toEqual([]);
  });

  it('refuses a bad hash, a hash made with another site secret, and unknown site keys', async () => {
    const codes = await Promise.all([
      refusalCode(connectChat(h.url, { siteKey: 'demo-site', identity: { ...alice(), hash: 'a'.repeat(64) } })),
      refusalCode(connectChat(h.url, { siteKey: 'demo-site', identity: alice('other-shop-secret-0123456789') })),
      refusalCode(connectChat(h.url, { siteKey: 'demo-site', identity: { email: 'alice@example.com', hash: 'zz' } })),
      refusalCode(connectChat(h.url, { siteKey: 'no-such-site' })),
      refusalCode(connectChat(h.url, {})),
    ]);
    expect(codes).toEqual(Array(5).fill('unauthorized'));
    const ok = await connectChat(h.url, { siteKey: 'other-shop', identity: alice('other-shop-secret-0123456789') });
    expect(ok.ready.verified).toBe(true);
  });
});

describe('site origins', () => {
  const withOrigin = (siteKey: string, origin: string) => refusalCode(connectChat(h.url, { siteKey }, { extraHeaders: { origin } }));

  it("lets each site's own origins open it, and no one else (the platform's origin only for a page the site lists: issue 15, #8)", async () => {
    expect(await withOrigin('demo-site', 'http://shop.test')).toBe('connected');
    expect(await withOrigin('demo-site', 'http://localhost:3000')).toBe('unauthorized');
    expect(await withOrigin('other-shop', 'https://other.example')).toBe('connected');
    expect(await withOrigin('demo-site', 'https://other.example')).toBe('unauthorized');
    expect(await withOrigin('other-shop', 'http://shop.test')).toBe('unauthorized');
    expect(await withOrigin('demo-site', 'https://evil.example')).toBe('unauthorized');
  });

  it('answers Socket.IO CORS (polling) only for configured origins', async () => {
    const poll = (origin: string) => fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    expect((await poll('https://other.example')).headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect((await poll('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
