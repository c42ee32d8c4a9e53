'use client';
import type { ErrorBody } from '@em/contracts/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** JSON calls to the gateway's /api with the console cookie (same site, other port). */
export async function api<T>(gatewayUrl: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}${path}`, {
    ...init,
    credentials: 'include',
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as { error?: ErrorBody };
  if (!res.ok) throw new ApiError(res.status, body.error ?? { code: 'internal', message: `HTTP ${res.status}` });
  return body as T;
}
