import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isTransient, isValidationError } from './errors';

describe('error classification', () => {
  it('retries connection-level failures of Postgres, Redis and network models', () => {
    expect(isTransient(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(true);
    expect(isTransient(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe(true);
    expect(isTransient(Object.assign(new Error('rate limited'), { status: 429 }))).toBe(true);
    expect(isTransient(Object.assign(new Error('bad gateway'), { status: 502 }))).toBe(true);
    expect(isTransient(new Error('Connection is closed.'))).toBe(true);
  });

  it('does not retry bugs, bad input or constraint violations', () => {
    expect(isTransient(new TypeError('x is undefined'))).toBe(false);
    expect(isTransient(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
    expect(isTransient(Object.assign(new Error('bad request'), { status: 400 }))).toBe(false);
    expect(isValidationError(z.string().safeParse(1).error)).toBe(false); // from inside a turn: apology, not silence
    expect(isValidationError(new UnrecoverableError('bad job'))).toBe(true);
    expect(isValidationError(new Error('other'))).toBe(false);
  });
});
