import { z } from 'zod';
import { HealthResponse, LoginRequest, LoginResponse, LogoutResponse, MeResponse, ReadinessResponse as Readiness } from '@em/contracts/rest';
import { registerPath } from './openapi';

/** The gateway's own operations; console and analytics routers register theirs next to their code. */

registerPath({ method: 'get', path: '/health', summary: 'Liveness', tags: ['ops'], responses: { 200: { description: 'The process is up', schema: HealthResponse } } });
registerPath({
  method: 'get',
  path: '/ready',
  summary: 'Readiness: Postgres, Redis and the queue answer',
  tags: ['ops'],
  responses: { 200: { description: 'All dependencies answer', schema: Readiness }, 503: { description: 'Something is down (named in `down`)', schema: Readiness } },
});
registerPath({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics',
  tags: ['ops'],
  auth: 'metrics',
  responses: { 200: { description: 'Prometheus text exposition format', schema: z.string(), contentType: 'text/plain' } },
});
registerPath({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Console sign-in; also sets the httpOnly em_console cookie',
  tags: ['auth'],
  body: LoginRequest,
  responses: {
    200: { description: 'Signed in', schema: LoginResponse },
    401: { description: 'unauthorized: wrong email or password', schema: z.object({ error: z.object({ code: z.literal('unauthorized'), message: z.string() }) }) },
  },
});
registerPath({ method: 'post', path: '/api/auth/logout', summary: 'Clears the console cookie', tags: ['auth'], responses: { 200: { description: 'Signed out', schema: LogoutResponse } } });
registerPath({
  method: 'get',
  path: '/api/auth/me',
  summary: 'The signed-in console user',
  tags: ['auth'],
  auth: 'console',
  responses: { 200: { description: 'The user', schema: MeResponse } },
});
registerPath({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  tags: ['ops'],
  responses: { 200: { description: 'OpenAPI 3.0 document', schema: z.record(z.string(), z.unknown()) } },
});
