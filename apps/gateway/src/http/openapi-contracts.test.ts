import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import './openapi-core';
import '../console/openapi-console';
import '../analytics/analytics-openapi';

type Op = { responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> };
const ok = (path: string, method = 'get') => (openApiDocument().paths[path]![method] as Op).responses['200']!.content!['application/json']!.schema;

describe('OpenAPI response bodies come from @em/contracts/rest', () => {
  it('documents each key of the console and analytics bodies, not a loose record', () => {
    expect(Object.keys(ok('/api/conversations/{id}').properties!)).toEqual(['conversation', 'customer', 'orders', 'messages', 'events', 'notes', 'brief', 'suggestedReply']);
    expect(Object.keys(ok('/api/conversations').properties!)).toEqual(['items', 'total', 'page', 'pageSize']);
    expect(Object.keys(ok('/api/analytics/summary').properties!)).toContain('live');
    expect(Object.keys(ok('/api/auth/me').properties!)).toEqual(['user']);
  });
});
