import { describe, expect, it } from 'vitest';
import { mergeSite } from './site-settings';

describe('mergeSite: the admin page over SITES_JSON, field by field', () => {
  const updatedAt = new Date('2026-12-01T10:00:00Z');
  const env = { siteKey: 'nw', branding: { title: 'Northwind', accentColor: '#00695c' }, hours: { timeZone: 'Europe/Berlin', holidays: ['2026-12-24'] } };

  it('a saved field wins; a field never saved falls back to the environment', () => {
    const row = { siteKey: 'nw', branding: { title: 'Northwind Audio' }, hours: { businessHours: { mon: [{ from: '09:00', to: '17:00' }] } }, updatedBy: 'u1', updatedAt };
    expect(mergeSite(env, row, 'nw')).toEqual({
      siteKey: 'nw',
      branding: { title: 'Northwind Audio', accentColor: '#00695c' },
      hours: { timeZone: 'Europe/Berlin', holidays: ['2026-12-24'], businessHours: { mon: [{ from: '09:00', to: '17:00' }] } },
      updatedAt,
    });
  });

  it('the environment alone, or a saved row for a site the environment does not list', () => {
    expect(mergeSite(env, undefined, 'nw')).toEqual({ siteKey: 'nw', branding: env.branding, hours: env.hours, updatedAt: null });
    const row = { siteKey: 'demo-site', branding: {}, hours: { timeZone: 'UTC' }, updatedBy: null, updatedAt };
    expect(mergeSite(undefined, row, 'demo-site')).toEqual({ siteKey: 'demo-site', branding: {}, hours: { timeZone: 'UTC' }, updatedAt });
  });
});
