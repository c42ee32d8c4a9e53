import { z } from 'zod';
import { AnalyticsSummaryResponse as Summary, TimeseriesResponse as Series } from '@em/contracts/rest';
import { registerPath } from '../http/openapi';
import { ExportQuery, RangeQuery, TimeseriesQuery } from './analytics-params';

// Response shapes: the same @em/contracts/rest schemas the router is typed by and the dashboard parses.
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
