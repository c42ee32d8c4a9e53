// Issue 16, survivor 7: the audience alone keeps widget and console tokens apart. Every test here
// uses ONE secret for both kinds, so the signature always verifies and only the audience can refuse.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createConsoleTokens } from './console/console-tokens';
import { createHs256Codec } from './jwt';
import { createSessionTokens } from './session-token';

const secret = 'one-secret-for-both-0123456789';
const key = new TextEncoder().encode(secret);

describe('HS256 codec: audience separation with a shared secret', () => {
  const chat = createHs256Codec({ secret, audience: 'em-chat', ttlSeconds: 60 });
  const consoleCodec = createHs256Codec({ secret, audience: 'em-console', ttlSeconds: 60 });

  it('round-trips subject, claims and audience', async () => {
    const sub = randomUUID();
    const payload = await chat.verify(await chat.sign(sub, { site: 'demo-site' }));
    expect(payload).toMatchObject({ sub, site: 'demo-site', aud: 'em-chat' });
    expect(payload!.exp! - payload!.iat!).toBe(60);
  });

  it('a token of one audience does not verify under the other, either way', async () => {
    // Identical claims, so nothing but the audience differs between the two tokens.
    const claims = { role: 'admin', name: 'Mallory', site: 'demo-site', ver: true, tv: 0 };
    expect(await consoleCodec.verify(await chat.sign(randomUUID(), claims))).toBeNull();
    expect(await chat.verify(await consoleCodec.sign(randomUUID(), claims))).toBeNull();
  });

  it('refuses a token without an audience or with a list that lacks its own', async () => {
    const sub = randomUUID();
    const bare = await new SignJWT({ role: 'admin', name: 'x' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('60s').sign(key);
    expect(await consoleCodec.verify(bare)).toBeNull();
    const other = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience(['em-chat', 'em-admin']).setExpirationTime('60s').sign(key);
    expect(await consoleCodec.verify(other)).toBeNull();
    const good = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('em-console').setExpirationTime('60s').sign(key);
    expect(await consoleCodec.verify(good)).toMatchObject({ sub });
  });
});

describe('widget and console tokens signed with the same secret', () => {
  const widget = createSessionTokens(secret);
  const consoleTokens = createConsoleTokens(secret);
  const userId = randomUUID();

  it('each verifies as itself', async () => {
    const c = { conversationId: randomUUID(), siteKey: 'demo-site', verified: true, customerId: randomUUID() };
    expect(await widget.verify(await widget.sign(c))).toEqual(c);
    expect(await consoleTokens.verify(await consoleTokens.sign({ userId, role: 'admin', name: 'Ada', tokenVersion: 0 }))).toEqual({ userId, role: 'admin', name: 'Ada', tokenVersion: 0 });
  });

  it('a console token is not a widget session, and a widget session is not a console token', async () => {
    const consoleToken = await consoleTokens.sign({ userId, role: 'admin', name: 'Ada', tokenVersion: 0 });
    expect(await widget.verify(consoleToken)).toBeNull();
    const widgetToken = await widget.sign({ conversationId: randomUUID(), siteKey: 'demo-site', verified: true });
    expect(await consoleTokens.verify(widgetToken)).toBeNull();
  });

  it('a widget-audience token carrying console-shaped claims is still not a console token', async () => {
    // Claims that satisfy both claim schemas: only the audience tells the two kinds apart.
    const forged = await new SignJWT({ role: 'admin', name: 'Mallory', site: 'demo-site', ver: true, tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime('60s')
      .setAudience('em-chat')
      .sign(key);
    expect(await consoleTokens.verify(forged)).toBeNull();
    const asConsole = await new SignJWT({ role: 'admin', name: 'Mallory', site: 'demo-site', ver: true, tv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime('60s')
      .setAudience('em-console')
      .sign(key);
    expect(await consoleTokens.verify(asConsole)).toEqual({ userId, role: 'admin', name: 'Mallory', tokenVersion: 0 });
    expect(await widget.verify(asConsole)).toBeNull();
  });
});
