import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/em' };

describe('worker env: shop languages from SITES_JSON', () => {
  it('keeps each shop\'s default language by site key, and nothing without one', () => {
    expect(readEnv(base).SITES_JSON).toEqual({});
    const sites = [
      { siteKey: 'northwind', identitySecret: 'x'.repeat(20), title: 'Northwind', locale: 'de' },
      { siteKey: 'plain', identitySecret: 'y'.repeat(20) },
    ];
    expect(readEnv({ ...base, SITES_JSON: JSON.stringify(sites) }).SITES_JSON).toEqual({ northwind: 'de' });
  });

  it('refuses SITES_JSON that is not JSON or names a language the AI does not speak', () => {
    expect(() => readEnv({ ...base, SITES_JSON: '{nope' })).toThrow(/not JSON/);
    expect(() => readEnv({ ...base, SITES_JSON: JSON.stringify([{ siteKey: 'x', locale: 'xx' }]) })).toThrow();
  });
});

describe('worker env: business hours from SITES_JSON', () => {
  it('keeps each shop\'s hours by site key (for the hand-over decision), nothing for a shop without them', () => {
    expect(readEnv(base).siteHours).toEqual({});
    const hours = { timeZone: 'Europe/Berlin', businessHours: { sat: [{ from: '10:00', to: '14:00' }] }, holidays: ['2026-12-24'] };
    const sites = [{ siteKey: 'nw', identitySecret: 'x'.repeat(20), ...hours }, { siteKey: 'plain', identitySecret: 'y'.repeat(20) }];
    expect(readEnv({ ...base, SITES_JSON: JSON.stringify(sites) }).siteHours).toEqual({ nw: hours });
    expect(() => readEnv({ ...base, SITES_JSON: JSON.stringify([{ siteKey: 'x', timeZone: 'Nowhere/Land' }]) })).toThrow();
  });
});
