import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x' };

describe('gateway env', () => {
  it('defaults the limits and treats an empty METRICS_TOKEN as unset', () => {
    const env = readEnv({ ...base, METRICS_TOKEN: '' });
    expect(env.METRICS_TOKEN).toBeUndefined();
    expect([env.RATE_CONNECTIONS_PER_MIN, env.RATE_HTTP_PER_MIN]).toEqual([60, 300]);
    expect(readEnv({ ...base, RATE_CONNECTIONS_PER_MIN: '1000' }).RATE_CONNECTIONS_PER_MIN).toBe(1000);
  });

  it('refuses a short metrics token and non-numeric limits', () => {
    expect(() => readEnv({ ...base, METRICS_TOKEN: 'short' })).toThrow();
    expect(() => readEnv({ ...base, RATE_HTTP_PER_MIN: 'lots' })).toThrow();
  });

  it('trusts no proxy unless TRUST_PROXY names some, and refuses a malformed entry', () => {
    expect(readEnv(base).TRUST_PROXY).toEqual([]);
    expect(readEnv({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => readEnv({ ...base, TRUST_PROXY: 'the-proxy' })).toThrow(/TRUST_PROXY/);
  });
});
