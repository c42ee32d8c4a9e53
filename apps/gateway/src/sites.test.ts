import { describe, expect, it } from 'vitest';
import { buildSites, originAllowed, parseOrigins } from './sites';

const primary = { siteKey: 'demo-site', identitySecret: 'secret-0123456789', allowedOrigins: ['http://localhost:3000'] };

describe('site configuration', () => {
  it('adds SITES_JSON shops after the env site and normalises origins', () => {
    const sites = buildSites(primary, JSON.stringify([{ siteKey: 'b', identitySecret: 'b-secret-0123', allowedOrigins: ['https://b.example/'] }]));
    expect(sites.map((s) => s.siteKey)).toEqual(['demo-site', 'b']);
    expect(sites[1]!.allowedOrigins).toEqual(['https://b.example']);
    expect(parseOrigins(' http://a.test , https://b.test:8443/x ')).toEqual(['http://a.test', 'https://b.test:8443']);
  });

  it('keeps a shop\'s branding and refuses unsafe or malformed branding', () => {
    const branding = { title: 'Northwind Audio', accentColor: '#00695c', logoUrl: 'https://cdn.northwind.example/logo.png', welcomeMessage: 'Hi!', locale: 'de' };
    const [, shop, plain] = buildSites(
      primary,
      JSON.stringify([
        { siteKey: 'nw', identitySecret: 'nw-secret-0123', ...branding },
        { siteKey: 'plain', identitySecret: 'plain-secret-0123' },
      ]),
    );
    expect(shop!.branding).toEqual(branding);
    expect(plain!.branding).toBeUndefined();
    const bad = (b: object) => () => buildSites(primary, JSON.stringify([{ siteKey: 'nw', identitySecret: 'nw-secret-0123', ...b }]));
    expect(bad({ logoUrl: 'javascript:alert(1)' })).toThrow();
    expect(bad({ accentColor: 'red; background:url(x)' })).toThrow();
    expect(bad({ locale: 'xx' })).toThrow();
    expect(bad({ title: 'x'.repeat(61) })).toThrow();
  });

  it('reads business hours (timeZone, businessHours, holidays) next to the branding, and refuses bad ones', () => {
    const hours = { timeZone: 'Europe/Berlin', businessHours: { mon: [{ from: '09:00', to: '17:00' }] }, holidays: ['2026-12-24'] };
    const [, nw] = buildSites(primary, JSON.stringify([{ siteKey: 'nw', identitySecret: 'nw-secret-0123', title: 'NW', ...hours }]));
    expect(nw).toMatchObject({ branding: { title: 'NW' }, hours });
    expect(buildSites(primary, JSON.stringify([{ siteKey: 'nw', identitySecret: 'nw-secret-0123' }]))[1]!.hours).toBeUndefined();
    const bad = (b: object) => () => buildSites(primary, JSON.stringify([{ siteKey: 'nw', identitySecret: 'nw-secret-0123', ...b }]));
    expect(bad({ timeZone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
    expect(bad({ businessHours: { mon: [{ from: '18:00', to: '09:00' }] } })).toThrow();
    expect(bad({ businessHours: { someday: [] } })).toThrow();
    expect(bad({ holidays: ['Christmas'] })).toThrow();
  });

  it('refuses malformed SITES_JSON, short secrets, bad origins and repeated keys', () => {
    expect(() => buildSites(primary, '{not json')).toThrow('SITES_JSON is invalid: not JSON');
    expect(() => buildSites(primary, JSON.stringify({ siteKey: 'x' }))).toThrow();
    expect(() => buildSites(primary, JSON.stringify([{ siteKey: 'x', identitySecret: 'short' }]))).toThrow();
    expect(() => buildSites(primary, JSON.stringify([{ siteKey: 'x', identitySecret: 'long-enough', allowedOrigins: ['nope'] }]))).toThrow();
    expect(() => buildSites(primary, JSON.stringify([{ siteKey: 'demo-site', identitySecret: 'long-enough' }]))).toThrow(/twice/);
  });

  it("allows a site's own origins and origin-less clients; the platform's origin only for the page that framed it", () => {
    const shop = { ...primary, siteKey: 'shop-b', allowedOrigins: ['https://b.example'] };
    expect(originAllowed(primary, ['http://web.test'], 'http://localhost:3000')).toBe(true);
    expect(originAllowed(primary, ['http://web.test'], undefined)).toBe(true);
    expect(originAllowed(primary, ['http://web.test'], 'http://localhost:3000.evil.test')).toBe(false);
    expect(originAllowed(primary, ['http://web.test'], 'null')).toBe(false);
    // The hosted widget: the platform's origin stands for the shop page that framed it.
    expect(originAllowed(shop, ['http://web.test'], 'http://web.test', 'https://b.example')).toBe(true);
    expect(originAllowed(shop, ['http://web.test'], 'http://web.test', 'http://localhost:3000')).toBe(false);
    expect(originAllowed(shop, ['http://web.test'], 'http://web.test')).toBe(false);
    // embedOrigin means nothing to a page that is not the platform's.
    expect(originAllowed(shop, ['http://web.test'], 'https://evil.example', 'https://b.example')).toBe(false);
  });
});
