/**
 * The one error vocabulary shared by acks, connect_error and HTTP bodies (DESIGN §3/§9).
 * Extend the union rather than inventing ad-hoc strings at call sites.
 */
export const ERROR_CODES = [
  'invalid_payload',
  'message_too_long',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'conversation_closed',
  'file_too_large',
  'unsupported_type',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  message_too_long: 413,
  rate_limited: 429,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  conversation_closed: 409,
  file_too_large: 413,
  unsupported_type: 415,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

/** Maps anything thrown to a client-safe error: internal details never leave the process. */
export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

export const fail = (err: unknown): Result<never> => ({ ok: false, error: toErrorBody(err) });
