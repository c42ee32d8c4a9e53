import { z } from 'zod';
import { ErrorResponse } from '@em/contracts/rest';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Shape = z.ZodObject<z.ZodRawShape>;

export interface PathSpec {
  method: Method;
  /** OpenAPI style, e.g. `/api/conversations/{id}`. */
  path: string;
  summary: string;
  tags?: string[];
  /** `console`: Bearer token or the em_console cookie; `metrics`: METRICS_TOKEN; default `none`. */
  auth?: 'none' | 'console' | 'admin' | 'metrics';
  params?: Shape;
  query?: Shape;
  body?: z.ZodType;
  /** Status → description and (JSON) body schema; `contentType` for non-JSON (text/csv, text/plain). */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

/** The error body every failing endpoint returns (DESIGN §3 vocabulary). */
export { ErrorResponse };

const registry = new Map<string, PathSpec>();

/**
 * Registers one operation in GET /api/openapi.json. Call at module load next to the router that
 * serves it (a repeat registration of the same method+path replaces the earlier one).
 */
export function registerPath(spec: PathSpec): void {
  registry.set(`${spec.method} ${spec.path}`, spec);
}

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(shape: Shape | undefined, where: 'query' | 'path') {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, s]) => {
    const prop = s as z.ZodType;
    return { name, in: where, required: where === 'path' || !prop.safeParse(undefined).success, schema: toSchema(prop, 'input') };
  });
}

function operation(spec: PathSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const type = r.contentType ?? 'application/json';
    responses[status] = { description: r.description, ...(r.schema ? { content: { [type]: { schema: toSchema(r.schema, 'output') } } } : {}) };
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: toSchema(ErrorResponse, 'output') } } });
  if (spec.path.startsWith('/api')) responses['429'] ??= error('rate_limited: too many requests from this IP');
  if (spec.auth && spec.auth !== 'none') responses['401'] ??= error('unauthorized: missing, invalid or expired token');
  if (spec.auth === 'admin') responses['403'] ??= error('forbidden: admins only');
  if (spec.body) responses['400'] ??= error('invalid_payload: the body failed validation');
  const security = spec.auth === 'metrics' ? [{ metricsToken: [] }] : spec.auth && spec.auth !== 'none' ? [{ bearer: [] }, { cookie: [] }] : [];
  return {
    summary: spec.summary,
    ...(spec.tags ? { tags: spec.tags } : {}),
    parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } } : {}),
    responses,
    security,
  };
}

/** The OpenAPI 3.0 document for everything registered so far. */
export function openApiDocument(info: { version: string } = { version: '0.1.0' }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const specs = [...registry.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const spec of specs) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  return {
    openapi: '3.0.3',
    info: { title: 'ElectroMart Support gateway', version: info.version },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Console token from POST /api/auth/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'em_console' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set' },
      },
    },
  };
}
