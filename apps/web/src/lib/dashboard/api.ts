'use client';
import type { z } from 'zod';
import { ApiError, readResponse } from '../console/api';

/** The dashboard's failures are the console's ApiError (same gateway, same `{ error }` body). */
export { ApiError as DashboardApiError };

/** GET on the gateway with the console's httpOnly cookie (same site, other port), parsed with `schema`. */
export async function getJson<S extends z.ZodType>(gatewayUrl: string, path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}${path}`, { credentials: 'include', signal, cache: 'no-store' });
  return readResponse(res, schema);
}
