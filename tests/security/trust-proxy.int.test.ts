// Issue 15, finding 5: X-Forwarded-For was believed from any loopback peer, so a client could rotate
// the header and never hit a per-IP limit (connections, /api, sign-in). Now only the proxies named in
// TRUST_PROXY are believed (none by default). Real sockets and HTTP; the last suite runs the built
// gateway process with TRUST_PROXY=loopback to show a named proxy is still believed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { startHarness, type Harness } from '../harness';
import { closeAllClients, connectChat, refusalCode } from '../gateway/clients';
import { ensureGatewayBuilt, spawnGateway, type GatewayProcess } from '../gateway/processes';
import { waitFor } from '../support/wait';

const xff = (i: number) => ({ extraHeaders: { 'x-forwarded-for': `198.51.100.${i}` } });
const LOTS = { points: 10_000, durationS: 60 };

let conn: Harness;
let http: Harness;
let login: Harness;
beforeAll(async () => {
  [conn, http, login] = await Promise.all([
    startHarness('xffconn', { worker: false, limits: { connectionsPerIp: { points: 2, durationS: 60 } } }),
    startHarness('xffhttp', { worker: false, limits: { httpPerIp: { points: 3, durationS: 60 } } }),
    startHarness('xfflogin', { worker: false, limits: { httpPerIp: LOTS, loginAttemptsPerIp: { points: 2, durationS: 60 } } }),
  ]);
  // Count in Redis from the first request (before its connection is ready a gateway counts in memory).
  await Promise.all([conn, http, login].map((h) => h.deps.redis.ping()));
});
afterAll(async () => {
  closeAllClients();
  await Promise.all([conn?.stop(), http?.stop(), login?.stop()]);
});

describe('without TRUST_PROXY, a rotated X-Forwarded-For does not escape per-IP limits', () => {
  it('/chat connections', async () => {
    const codes: string[] = [];
    for (let i = 1; i <= 3; i++) codes.push(await refusalCode(connectChat(conn.url, { siteKey: 'demo-site' }, xff(i))));
    expect(codes).toEqual(['connected', 'connected', 'rate_limited']);
  });

  it('/api requests', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await fetch(`${http.url}/api/openapi.json`, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('console sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const res = await fetch(`${login.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
        body: JSON.stringify({ email: 'agent@electromart.test', password: `wrong-${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe('with TRUST_PROXY naming the proxy (the built gateway process)', () => {
  const dbName = uniqueName('xffproc');
  let gw: GatewayProcess | undefined;
  beforeAll(async () => {
    ensureGatewayBuilt();
    const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
    await migrateAndSeed(dbUrl);
    gw = await spawnGateway({ DATABASE_URL: dbUrl, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: dbName, TRUST_PROXY: 'loopback', RATE_CONNECTIONS_PER_MIN: '1' });
    // spawnGateway waits for /health (listening); until its Redis is ready a gateway counts in its
    // in-memory insurance limiter, so a first connection counted there and a repeat counted in Redis
    // would each pass (seen once under CI load). Probe once it is ready, as the harness suites do.
    await waitFor('gateway ready', async () => (await fetch(`${gw!.url}/ready`)).ok, 30_000);
  }, 90_000);
  afterAll(async () => {
    closeAllClients();
    await gw?.stop();
    await dropDatabase(TEST_PG_ADMIN_URL, dbName);
  });

  it('believes the proxy: each forwarded client has its own budget, a repeat is limited', async () => {
    const codes: string[] = [];
    for (const i of [1, 2, 1]) codes.push(await refusalCode(connectChat(gw!.url, { siteKey: 'demo-site' }, xff(i))));
    expect(codes).toEqual(['connected', 'connected', 'rate_limited']);
  });
});
