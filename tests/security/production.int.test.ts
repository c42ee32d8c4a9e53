import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SECRET } from '@em/config/env';
import { readEnv as readGatewayEnv } from '../../apps/gateway/src/env';
import { startHarness, type Harness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('prodmode', { worker: false, production: true });
});
afterAll(async () => h?.stop());

describe('production mode', () => {
  it('refuses the demo console passwords', async () => {
    const res = await fetch(`${h.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@electromart.test', password: 'admin-password' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });

  it('refuses to start the gateway on default or short secrets', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x' };
    expect(() => readGatewayEnv(base)).toThrow(/SITE_IDENTITY_SECRET.*SESSION_SECRET.*CONSOLE_JWT_SECRET/);
    const strong = 'a-long-production-secret-0123456789';
    expect(() =>
      readGatewayEnv({ ...base, SITE_IDENTITY_SECRET: strong, SESSION_SECRET: strong, CONSOLE_JWT_SECRET: DEV_SECRET }),
    ).toThrow(/CONSOLE_JWT_SECRET/);
    expect(() => readGatewayEnv({ ...base, SITE_IDENTITY_SECRET: strong, SESSION_SECRET: strong, CONSOLE_JWT_SECRET: strong })).not.toThrow();
  });
});
