import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument, registerPath } from './openapi';

describe('OpenAPI registry', () => {
  it('turns zod params, query, body and responses into an OpenAPI 3.0 operation', () => {
    registerPath({
      method: 'get',
      path: '/api/test-things/{id}',
      summary: 'A thing',
      auth: 'admin',
      params: z.object({ id: z.string().uuid() }),
      query: z.object({ from: z.string().optional(), limit: z.coerce.number().int().max(100).default(20), kind: z.enum(['a', 'b']) }),
      responses: { 200: { description: 'ok', schema: z.object({ id: z.string(), at: z.date() }) }, 404: { description: 'missing' } },
    });
    const op = openApiDocument().paths['/api/test-things/{id}']!.get as {
      parameters: Array<{ name: string; in: string; required: boolean; schema: { type?: string; enum?: string[] } }>;
      responses: Record<string, { content?: Record<string, { schema: { properties: Record<string, unknown> } }> }>;
      security: unknown[];
    };
    expect(op.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['id', 'path', true],
      ['from', 'query', false],
      ['limit', 'query', false],
      ['kind', 'query', true],
    ]);
    expect(op.parameters[3]!.schema.enum).toEqual(['a', 'b']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '403', '404', '429']);
    expect(Object.keys(op.responses['200']!.content!['application/json']!.schema.properties)).toEqual(['id', 'at']);
    expect(op.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });

  it('replaces a repeated registration of the same method and path', () => {
    registerPath({ method: 'post', path: '/api/test-once', summary: 'first', responses: { 200: { description: 'ok' } } });
    registerPath({ method: 'post', path: '/api/test-once', summary: 'second', responses: { 200: { description: 'ok' } } });
    expect((openApiDocument().paths['/api/test-once']!.post as { summary: string }).summary).toBe('second');
  });
});
