import { describe, expect, it } from 'vitest';
import type { SiteHours } from '@em/contracts/site';
import { siteOpenState, wallToInstant } from './hours';

const at = (iso: string) => new Date(iso);
const weekdays9to17: SiteHours['businessHours'] = {
  mon: [{ from: '09:00', to: '17:00' }],
  tue: [{ from: '09:00', to: '17:00' }],
  wed: [{ from: '09:00', to: '17:00' }],
  thu: [{ from: '09:00', to: '17:00' }],
  fri: [{ from: '09:00', to: '17:00' }],
};
const berlin: SiteHours = { timeZone: 'Europe/Berlin', businessHours: weekdays9to17 };

describe('siteOpenState', () => {
  it('is always open without business hours (and reads UTC without a zone)', () => {
    expect(siteOpenState(undefined, at('2026-12-06T03:00:00Z'))).toEqual({ open: true, timeZone: 'UTC' });
    expect(siteOpenState({ timeZone: 'Asia/Tokyo' }, at('2026-12-06T03:00:00Z'))).toEqual({ open: true, timeZone: 'Asia/Tokyo' });
  });

  it('weekday spans in the site zone: open inside, closed before, at and after the end', () => {
    // Wed 2 Dec 2026; Berlin is UTC+1 in winter.
    expect(siteOpenState(berlin, at('2026-12-02T08:00:00Z')).open).toBe(true); // 09:00 local: the start is inside
    expect(siteOpenState(berlin, at('2026-12-02T07:59:59Z'))).toEqual({ open: false, nextOpenAt: '2026-12-02T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(siteOpenState(berlin, at('2026-12-02T15:59:59Z')).open).toBe(true);
    expect(siteOpenState(berlin, at('2026-12-02T16:00:00Z'))).toEqual({ open: false, nextOpenAt: '2026-12-03T08:00:00.000Z', timeZone: 'Europe/Berlin' });
  });

  it('a weekend (days left out) is closed until Monday', () => {
    expect(siteOpenState(berlin, at('2026-12-04T18:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-07T08:00:00.000Z' });
    expect(siteOpenState(berlin, at('2026-12-06T12:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-07T08:00:00.000Z' });
  });

  it('several spans a day: the lunch break is closed until the afternoon span', () => {
    const split: SiteHours = { timeZone: 'UTC', businessHours: { mon: [{ from: '14:00', to: '18:00' }, { from: '08:00', to: '12:00' }] } };
    expect(siteOpenState(split, at('2026-12-07T11:59:00Z')).open).toBe(true);
    expect(siteOpenState(split, at('2026-12-07T12:30:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-07T14:00:00.000Z' });
    expect(siteOpenState(split, at('2026-12-07T18:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-14T08:00:00.000Z' });
  });

  it('holidays (local dates) close the whole day; the next opening skips them', () => {
    const xmas: SiteHours = { ...berlin, holidays: ['2026-12-24', '2026-12-25'] };
    // Thu 24 Dec 10:00 local, a holiday; Fri 25 too; the weekend; back Mon 28.
    expect(siteOpenState(xmas, at('2026-12-24T09:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-28T08:00:00.000Z' });
    expect(siteOpenState(xmas, at('2026-12-23T09:00:00Z')).open).toBe(true);
  });

  it('local midnight decides the day, not UTC', () => {
    // Sat 00:30 in Tokyo is Fri 15:30 UTC: the Tokyo shop (weekdays 09–17) is closed for the weekend.
    const tokyo: SiteHours = { timeZone: 'Asia/Tokyo', businessHours: weekdays9to17 };
    expect(siteOpenState(tokyo, at('2026-12-04T15:30:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-07T00:00:00.000Z' });
    // Mon 23:30 in Los Angeles is Tue 07:30 UTC: a Monday-only late shift is open.
    const la: SiteHours = { timeZone: 'America/Los_Angeles', businessHours: { mon: [{ from: '20:00', to: '24:00' }] } };
    expect(siteOpenState(la, at('2026-12-08T07:30:00Z')).open).toBe(true);
    expect(siteOpenState(la, at('2026-12-08T08:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-15T04:00:00.000Z' });
    // 00:00–24:00 every day with a holiday: closed exactly on the local date.
    const allDay = { from: '00:00', to: '24:00' } as const;
    const always: SiteHours = { timeZone: 'Europe/Berlin', businessHours: { mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay], sun: [allDay] }, holidays: ['2026-12-25'] };
    expect(siteOpenState(always, at('2026-12-24T22:59:59Z')).open).toBe(true);
    expect(siteOpenState(always, at('2026-12-24T23:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-12-25T23:00:00.000Z' });
  });

  it('DST: the summer offset applies after the spring change and the winter one after the autumn change', () => {
    // Europe changes on Sun 29 Mar 2026 (UTC+1 → +2) and Sun 25 Oct 2026 (+2 → +1).
    expect(siteOpenState(berlin, at('2026-03-27T16:30:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-03-30T07:00:00.000Z' });
    expect(siteOpenState(berlin, at('2026-03-30T07:00:00Z')).open).toBe(true);
    expect(siteOpenState(berlin, at('2026-10-23T15:30:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-10-26T08:00:00.000Z' });
    expect(siteOpenState(berlin, at('2026-10-26T07:30:00Z')).open).toBe(false);
  });

  it('DST change days: a span in the skipped hour opens at the jump; a repeated hour opens at its first occurrence', () => {
    const sunday = (from: string, to: string): SiteHours => ({ timeZone: 'Europe/Berlin', businessHours: { sun: [{ from, to }] } });
    // 29 Mar 2026: 02:00–03:00 local does not exist; the clocks jump at 01:00Z. 02:30 opens then.
    expect(siteOpenState(sunday('02:30', '05:00'), at('2026-03-29T00:30:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-03-29T01:00:00.000Z' });
    expect(siteOpenState(sunday('02:30', '05:00'), at('2026-03-29T01:00:00Z')).open).toBe(true); // 03:00 local
    // 25 Oct 2026: 02:00–03:00 local happens twice (00:00Z–01:00Z in summer time, 01:00Z–02:00Z in winter time).
    expect(siteOpenState(sunday('02:30', '04:00'), at('2026-10-25T00:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-10-25T00:30:00.000Z' });
    // A full day on the 25-hour day and on the 23-hour day is open from local midnight to local midnight.
    expect(siteOpenState(sunday('00:00', '24:00'), at('2026-10-25T23:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-10-31T23:00:00.000Z' });
    expect(siteOpenState(sunday('00:00', '24:00'), at('2026-10-25T22:59:59Z')).open).toBe(true);
    expect(siteOpenState(sunday('00:00', '24:00'), at('2026-03-28T23:00:00Z')).open).toBe(true);
    // US zones change on other dates (8 Mar 2026): Monday 09:00 in New York is 13:00Z after it, 14:00Z before.
    const ny: SiteHours = { timeZone: 'America/New_York', businessHours: weekdays9to17 };
    expect(siteOpenState(ny, at('2026-03-07T12:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-03-09T13:00:00.000Z' });
    expect(siteOpenState(ny, at('2026-02-28T12:00:00Z'))).toMatchObject({ open: false, nextOpenAt: '2026-03-02T14:00:00.000Z' });
  });

  it('the next opening is looked for within 14 days only', () => {
    const rare: SiteHours = { timeZone: 'UTC', businessHours: { mon: [{ from: '09:00', to: '10:00' }] }, holidays: ['2026-12-07', '2026-12-14', '2026-12-21'] };
    expect(siteOpenState(rare, at('2026-12-05T12:00:00Z'))).toEqual({ open: false, timeZone: 'UTC' });
    const closed: SiteHours = { timeZone: 'UTC', businessHours: {} };
    expect(siteOpenState(closed, at('2026-12-05T12:00:00Z'))).toEqual({ open: false, timeZone: 'UTC' });
  });
});

describe('wallToInstant', () => {
  const wall = (iso: string) => Date.parse(`${iso}Z`);
  it('maps ordinary, skipped and repeated wall times', () => {
    expect(new Date(wallToInstant(wall('2026-07-01T12:00:00'), 'Europe/Berlin')).toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(new Date(wallToInstant(wall('2026-03-29T02:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(wallToInstant(wall('2026-10-25T02:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(wallToInstant(wall('2026-04-05T01:45:00'), 'Australia/Lord_Howe')).toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });
});
