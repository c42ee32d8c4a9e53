import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SECRET } from '@em/config/env';
import { readEnv as readGatewayEnv } from '../../apps/gateway/src/env';
import { startHarness, type Harness } from '../harness';
import { ensureGatewayBuilt } from '../gateway/processes';
import { childEnv } from '../../scripts/lib/env';

const STRONG = {
  SITE_IDENTITY_SECRET: 'identity-secret-for-production-0123456789',
  SESSION_SECRET: 'session-secret-for-production-0123456789',
  CONSOLE_JWT_SECRET: 'console-secret-for-production-0123456789',
};
const METRICS = 'metrics-token-for-production-0123';

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
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x', METRICS_TOKEN: METRICS };
    expect(() => readGatewayEnv(base)).toThrow(/SITE_IDENTITY_SECRET.*SESSION_SECRET.*CONSOLE_JWT_SECRET/);
    expect(() => readGatewayEnv({ ...base, ...STRONG, CONSOLE_JWT_SECRET: DEV_SECRET })).toThrow(/CONSOLE_JWT_SECRET/);
    expect(() => readGatewayEnv({ ...base, ...STRONG })).not.toThrow();
  });

  // Issue 15, finding 1: SITES_JSON secrets are checked like the others, and no secret serves two purposes.
  it('refuses a default SITES_JSON identity secret and secrets shared between purposes', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/x', METRICS_TOKEN: METRICS, ...STRONG };
    const site = (identitySecret: string) => JSON.stringify([{ siteKey: 'shop-b', identitySecret, allowedOrigins: ['https://shop-b.example'] }]);
    expect(() => readGatewayEnv({ ...base, SITES_JSON: site(DEV_SECRET) })).toThrow(/SITES_JSON\[shop-b\]\.identitySecret/);
    expect(() => readGatewayEnv({ ...base, SITES_JSON: site('short-but-8') })).toThrow(/SITES_JSON\[shop-b\]/);
    expect(() => readGatewayEnv({ ...base, SITES_JSON: site(STRONG.SESSION_SECRET) })).toThrow(/SITES_JSON\[shop-b\]\.identitySecret = SESSION_SECRET/);
    expect(() => readGatewayEnv({ ...base, SITES_JSON: site('shop-b-own-identity-secret-0123456') })).not.toThrow();
    expect(() => readGatewayEnv({ ...base, CONSOLE_JWT_SECRET: STRONG.SESSION_SECRET })).toThrow(/SESSION_SECRET = CONSOLE_JWT_SECRET/);
    expect(() => readGatewayEnv({ ...base, SITE_IDENTITY_SECRET: STRONG.SESSION_SECRET })).toThrow(/SITE_IDENTITY_SECRET = SESSION_SECRET/);
    // Development keeps its one default for everything.
    expect(() => readGatewayEnv({ DATABASE_URL: base.DATABASE_URL })).not.toThrow();
  });

  it('the built gateway process exits on shared secrets, naming the variables and never their values', async () => {
    ensureGatewayBuilt();
    const shared = 'one-secret-for-everything-0123456789';
    const proc = spawn(process.execPath, ['apps/gateway/dist/main.js'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: childEnv({ NODE_ENV: 'production', DATABASE_URL: h.dbUrl, PORT: '0', METRICS_TOKEN: METRICS, SITE_IDENTITY_SECRET: shared, SESSION_SECRET: shared, CONSOLE_JWT_SECRET: shared }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    for (const s of [proc.stdout, proc.stderr]) s.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', r));
    expect(code).not.toBe(0);
    expect(out).toMatch(/shared between purposes: SITE_IDENTITY_SECRET = SESSION_SECRET/);
    expect(out).not.toContain(shared);
  });
});
