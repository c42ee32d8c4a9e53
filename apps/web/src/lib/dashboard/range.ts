/** The dashboard's window: whole UTC days, `toDay` inclusive (YYYY-MM-DD). */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

const DAY_MS = 86_400_000;
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export const PRESETS = [
  { days: 1, label: 'Today' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
] as const;

export function lastDays(days: number, now = new Date()): DayRange {
  return { fromDay: dayOf(new Date(now.getTime() - (days - 1) * DAY_MS)), toDay: dayOf(now) };
}

/** [from, to) instants for the API: from the start of `fromDay` to the end of `toDay` (UTC). */
export function toInstants(r: DayRange) {
  const from = new Date(`${r.fromDay}T00:00:00.000Z`);
  const to = new Date(new Date(`${r.toDay}T00:00:00.000Z`).getTime() + DAY_MS);
  return { from, to };
}

export const spanDays = (r: DayRange) => Math.round((toInstants(r).to.getTime() - toInstants(r).from.getTime()) / DAY_MS);

/** Hours for a day or two, days up to four months, weeks beyond (the API caps points at 1000). */
export function bucketFor(r: DayRange): 'hour' | 'day' | 'week' {
  const days = spanDays(r);
  return days <= 2 ? 'hour' : days <= 120 ? 'day' : 'week';
}

export function isValidRange(r: DayRange): boolean {
  const { from, to } = toInstants(r);
  return !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from < to && spanDays(r) <= 366;
}

export function rangeQuery(r: DayRange): string {
  const { from, to } = toInstants(r);
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}
