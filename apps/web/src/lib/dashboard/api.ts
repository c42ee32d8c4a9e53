'use client';
import type { ErrorBody } from '@em/contracts/errors';

export class DashboardApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}

/** GET on the gateway with the console's httpOnly cookie (same site, other port). */
export async function getJson<T>(gatewayUrl: string, path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`${gatewayUrl.replace(/\/$/, '')}${path}`, { credentials: 'include', signal, cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as { error?: ErrorBody };
  if (!res.ok) throw new DashboardApiError(res.status, body.error ?? { code: 'internal', message: `HTTP ${res.status}` });
  return body as T;
}
