import { WEEKDAYS, type SiteHours, type SiteOpenState, type Weekday } from '@em/contracts/site';

/**
 * A site's business hours at an instant (issue 20): open or closed, and when closed, when people are
 * next back (within NEXT_OPENING_DAYS). Pure: the instant is an argument, so tests (and the test
 * clock the gateway and the conversation service inject) decide what "now" is.
 *
 * Hand-written on Intl rather than a date library: Node and browsers ship the IANA zone database in
 * Intl, the only conversion needed is "wall time in a zone ↔ instant", and that is done here once,
 * with the two DST cases decided explicitly (a wall time in the spring-forward gap opens at the
 * moment the clocks jump; a wall time that happens twice at fall-back opens at its first occurrence)
 * and tested (hours.test.ts) rather than left to a library's default. Nothing is added to any bundle.
 */

export const NEXT_OPENING_DAYS = 14;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `ms`, as if it were UTC (ms since epoch, whole seconds). */
function wallMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(new Date(ms))) if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

/** The zone's offset from UTC at `ms` (ms; +3 600 000 for CET). */
const offsetAt = (ms: number, timeZone: string) => wallMs(ms, timeZone) - Math.floor(ms / 1000) * 1000;

/**
 * The instant at which the wall clock of `timeZone` first shows `wall` (a wall time written as UTC ms)
 * or, if that wall time is skipped (spring forward), the instant the clocks jump past it.
 * Assumes at most one offset change within a day either side, which holds for every IANA zone.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => wallMs(t, timeZone) === wall);
  if (candidates.length) return Math.min(...candidates);
  // In the gap: the clocks jump between these two instants; find the jump to the second.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const ymd = (dayMs: number) => new Date(dayMs).toISOString().slice(0, 10);
/** Monday-first weekday of a calendar day written as UTC midnight. */
const weekdayOf = (dayMs: number): Weekday => WEEKDAYS[(new Date(dayMs).getUTCDay() + 6) % 7]!;

/** The time zone a site's hours are read in: its own, else UTC. */
export const hoursTimeZone = (hours?: SiteHours) => hours?.timeZone ?? 'UTC';

/**
 * Open or closed at `now`. A site without `businessHours` is always open (as before issue 20). A day
 * listed in `holidays` (the site's local date) is closed all day; a weekday left out is closed.
 */
export function siteOpenState(hours: SiteHours | undefined, now: Date): SiteOpenState {
  const timeZone = hoursTimeZone(hours);
  const week = hours?.businessHours;
  if (!week) return { open: true, timeZone };
  const holidays = new Set(hours?.holidays ?? []);
  const nowMs = now.getTime();
  const wall = wallMs(nowMs, timeZone);
  const today = Math.floor(wall / DAY_MS) * DAY_MS;
  const spansOn = (day: number) => (holidays.has(ymd(day)) ? [] : (week[weekdayOf(day)] ?? []));

  const secOfDay = (wall - today) / 1000;
  if (spansOn(today).some((s) => minutes(s.from) * 60 <= secOfDay && secOfDay < minutes(s.to) * 60)) return { open: true, timeZone };

  const horizon = nowMs + NEXT_OPENING_DAYS * DAY_MS;
  for (let i = 0; i <= NEXT_OPENING_DAYS; i++) {
    const day = today + i * DAY_MS;
    const starts = spansOn(day)
      .map((s) => wallToInstant(day + minutes(s.from) * 60_000, timeZone))
      .filter((t) => t > nowMs)
      .sort((a, b) => a - b);
    const next = starts[0];
    if (next !== undefined) return next <= horizon ? { open: false, nextOpenAt: new Date(next).toISOString(), timeZone } : { open: false, timeZone };
  }
  return { open: false, timeZone };
}
