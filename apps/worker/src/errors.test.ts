import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isJobGone, isTransient, isValidationError } from './errors';

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

describe('isJobGone', () => {
  it('recognises BullMQ saying the job is no longer ours, and nothing else', () => {
    expect(isJobGone(new Error('Missing key for job 9c36e9db. moveToDelayed'))).toBe(true);
    expect(isJobGone(new Error('Lock mismatch for job f7f3. Cmd moveToFinished from active'))).toBe(true);
    expect(isJobGone(new Error('Missing lock for job 1. moveToFinished'))).toBe(true);
    expect(isJobGone(new Error('connect ECONNREFUSED 127.0.0.1:6379'))).toBe(false);
    expect(isJobGone('Missing key for job 1')).toBe(false);
  });
});
