import { z } from 'zod';
import { AppError } from '@em/contracts/errors';
import { BUCKETS, METRICS, bucketCount, type Bucket } from '@em/db/queries/analytics-timeseries';

const DAY_MS = 86_400_000;
/** Longest window one request may ask for (days): a year plus a leap day. */
export const MAX_RANGE_DAYS = 366;
/** Cap on time-series points per request (e.g. 41 days of hours), so one call stays one cheap query. */
export const MAX_POINTS = 1000;
/** Default window when `from`/`to` are omitted (days back from now). */
export const DEFAULT_RANGE_DAYS = 30;

const When = z.iso.datetime({ offset: true }).or(z.iso.date()).describe('ISO 8601 date or date-time (UTC when no offset)');

export const RangeQuery = z.object({ from: When.optional(), to: When.optional() });
export const TimeseriesQuery = RangeQuery.extend({
  metric: z.enum(METRICS),
  bucket: z.enum(BUCKETS).default('day'),
});
export const ExportQuery = RangeQuery.extend({ bucket: z.enum(BUCKETS).default('day') });
/** Most comments one request returns. */
export const MAX_COMMENTS = 100;
export const CommentsQuery = RangeQuery.extend({ limit: z.coerce.number().int().min(1).max(MAX_COMMENTS).default(20) });

/** Parses a query against `schema`, or throws invalid_payload naming the first bad field. */
function parse<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const r = schema.safeParse(query);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new AppError('invalid_payload', `Invalid query parameter ${issue?.path.join('.') || ''}: ${issue?.message ?? 'bad value'}`.trim());
  }
  return r.data;
}

/** [from, to): `to` defaults to now, `from` to 30 days before `to`; must be ordered and ≤ 366 days. */
function toRange(q: z.output<typeof RangeQuery>, now: Date) {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (!(from < to)) throw new AppError('invalid_payload', '`from` must be before `to`.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw new AppError('invalid_payload', `The range may span at most ${MAX_RANGE_DAYS} days.`);
  return { from, to };
}

function checkPoints(range: { from: Date; to: Date }, bucket: Bucket) {
  if (bucketCount(range, bucket) > MAX_POINTS) {
    throw new AppError('invalid_payload', `Too many ${bucket} buckets for this range (max ${MAX_POINTS}); use a larger bucket.`);
  }
}

export const parseSummaryQuery = (query: unknown, now: Date) => toRange(parse(RangeQuery.strict(), query), now);

export function parseTimeseriesQuery(query: unknown, now: Date) {
  const q = parse(TimeseriesQuery.strict(), query);
  const range = toRange(q, now);
  checkPoints(range, q.bucket);
  return { range, metric: q.metric, bucket: q.bucket };
}

export function parseExportQuery(query: unknown, now: Date) {
  const q = parse(ExportQuery.strict(), query);
  const range = toRange(q, now);
  checkPoints(range, q.bucket);
  return { range, bucket: q.bucket };
}

export function parseCommentsQuery(query: unknown, now: Date) {
  const q = parse(CommentsQuery.strict(), query);
  return { range: toRange(q, now), limit: q.limit };
}
