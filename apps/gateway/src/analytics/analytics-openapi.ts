import { z } from 'zod';
import { registerPath } from '../http/openapi';
import { ExportQuery, RangeQuery, TimeseriesQuery } from './analytics-params';

// Response shapes documented loosely (records): the exact keys are in @em/db/queries/analytics.
const Summary = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  volume: z.record(z.string(), z.unknown()),
  ai: z.record(z.string(), z.unknown()),
  routing: z.array(z.record(z.string(), z.unknown())),
  humans: z.record(z.string(), z.unknown()),
  satisfaction: z.record(z.string(), z.unknown()),
  live: z.record(z.string(), z.unknown()),
  cost: z.array(z.record(z.string(), z.unknown())),
});
const Series = z.object({
  metric: z.string(),
  bucket: z.string(),
  from: z.string(),
  to: z.string(),
  points: z.array(z.object({ t: z.string() }).catchall(z.union([z.number(), z.null()]))),
});
const bad = { 400: { description: 'invalid_payload: a query parameter failed validation' } };

registerPath({
  method: 'get',
  path: '/api/analytics/summary',
  summary: 'Dashboard summary over [from, to) plus live state (default: the last 30 days)',
  tags: ['analytics'],
  auth: 'console',
  query: RangeQuery,
  responses: { 200: { description: 'All dashboard metrics', schema: Summary }, ...bad },
});
registerPath({
  method: 'get',
  path: '/api/analytics/timeseries',
  summary: 'One metric per hour/day/week bucket (UTC), empty buckets included',
  tags: ['analytics'],
  auth: 'console',
  query: TimeseriesQuery,
  responses: { 200: { description: 'Points in time order', schema: Series }, ...bad },
});
registerPath({
  method: 'get',
  path: '/api/analytics/export.csv',
  summary: 'Headline series per bucket as CSV',
  tags: ['analytics'],
  auth: 'console',
  query: ExportQuery,
  responses: { 200: { description: 'text/csv, one row per bucket', schema: z.string(), contentType: 'text/csv' }, ...bad },
});
