'use client';
import { z } from 'zod';
import type { ErrorBody } from '@em/contracts/errors';
import { ErrorResponse } from '@em/contracts/rest';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** A 204 (DELETE): no body. */
export const NoContent = z.undefined();

/**
 * Reads a gateway response: a failure becomes ApiError with the gateway's `{ error }` body, a success
 * is parsed with the endpoint's schema from @em/contracts/rest (a body that does not match is an
 * error here, not a crash deeper in a component).
 */
export async function readResponse<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
  const raw: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = ErrorResponse.safeParse(raw);
    throw new ApiError(res.status, err.success ? err.data.error : { code: 'internal', message: `HTTP ${res.status}` });
  }
  const body = schema.safeParse(raw);
  if (!body.success) {
    console.error('unexpected response body', res.url, body.error.issues);
    throw new ApiError(res.status, { code: 'internal', message: 'The console service sent an unexpected answer.' });
  }
  return body.data;
}

/** JSON calls to the gateway's /api with the console cookie (same site, other port), parsed with `schema`. */
export async function api<S extends z.ZodType>(gatewayUrl: string, path: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
  const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}${path}`, {
    ...init,
    credentials: 'include',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });
  return readResponse(res, schema);
}
