import { z } from 'zod';
import { AnalyticsSummaryResponse as Summary, RatingCommentsResponse as Comments, TimeseriesResponse as Series } from '@em/contracts/rest';
import { registerPath } from '../http/openapi';
import { CommentsQuery, ExportQuery, RangeQuery, TimeseriesQuery } from './analytics-params';

// Response shapes: the same @em/contracts/rest schemas the router is typed by and the dashboard parses.
const bad = { 400: { description: 'invalid_payload: a query parameter failed validation' } };

registerPath({
  method: 'get',
  path: '/api/analytics/summary',
  summary:
    'Dashboard summary over [from, to) plus live state (default: the last 30 days). Conversations count once the customer wrote; ' +
    'containment = answered by the AI, never went to a person, and closed or idle with the AI for ANALYTICS_AI_IDLE_MIN minutes. ' +
    'An agent gets only their own row in humans.perAgent (scope "own").',
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
registerPath({
  method: 'get',
  path: '/api/analytics/conversations.csv',
  summary:
    'One row per conversation started in the range (id, times, status, owner, route, sentiment, handed off and why, CSAT, comment); ' +
    "text cells starting with = + - @ tab or CR are prefixed with '. An agent gets the conversations they claimed, handed back or resolved.",
  tags: ['analytics'],
  auth: 'console',
  query: RangeQuery,
  responses: { 200: { description: 'text/csv, one row per conversation', schema: z.string(), contentType: 'text/csv' }, ...bad },
});
registerPath({
  method: 'get',
  path: '/api/analytics/comments',
  summary:
    'CSAT ratings with a comment made in the range, newest first, each attributed to the agent who resolved the conversation it rates. ' +
    'An agent gets only ratings of conversations they resolved.',
  tags: ['analytics'],
  auth: 'console',
  query: CommentsQuery,
  responses: { 200: { description: 'Recent rating comments', schema: Comments }, ...bad },
});
