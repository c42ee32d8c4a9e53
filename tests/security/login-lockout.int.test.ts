// Issue 15, finding 3: a successful sign-in used to clear its client's failure count, so anyone with
// one low-privilege account could guess the admin password without limit (sign in as the agent every
// few guesses). Failures are now counted per client and per account, never cleared by another
// account's success, and repeated failures lock the account (the error says so). Real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { waitFor } from '../support/wait';

const LOTS = { points: 10_000, durationS: 60 };
let perIp: Harness;
let perAccount: Harness;
beforeAll(async () => {
  [perIp, perAccount] = await Promise.all([
    startHarness('lockip', { worker: false, limits: { loginAttemptsPerIp: { points: 4, durationS: 60 }, loginFailuresPerAccount: { ...LOTS, lockS: 60 } } }),
    startHarness('lockacct', { worker: false, limits: { loginAttemptsPerIp: LOTS, loginFailuresPerAccount: { points: 3, durationS: 60, lockS: 60 } } }),
  ]);
  // Until its Redis connection is ready a gateway counts in memory (the insurance limiter); these
  // tests count exactly, so they start once Redis answers (ioredis queues the ping until ready).
  await Promise.all([perIp.deps.redis.ping(), perAccount.deps.redis.ping()]);
});
afterAll(async () => Promise.all([perIp?.stop(), perAccount?.stop()]));

const login = (h: Harness, email: string, password: string) =>
  fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
const ADMIN = 'admin@electromart.test';
const AGENT = 'agent@electromart.test';

/** The IP counter after a success: the success's own attempt is taken back before the 200 is sent. */
async function settled(h: Harness, used: number) {
  await waitFor(`${used} attempts left on the IP`, async () => {
    const [key] = await h.deps.redis.keys(`${h.deps.keys.rateLimit('login-ip')}:*`);
    return key && Number(await h.deps.redis.get(key)) === used;
  }, 5000);
}

describe('sign-in limits', () => {
  it("another account's success does not buy more guesses at the admin password", async () => {
    const statuses: number[] = [];
    statuses.push((await login(perIp, ADMIN, 'guess-1')).status, (await login(perIp, ADMIN, 'guess-2')).status);
    statuses.push((await login(perIp, AGENT, 'agent-password')).status);
    await settled(perIp, 2);
    statuses.push((await login(perIp, ADMIN, 'guess-3')).status);
    statuses.push((await login(perIp, AGENT, 'agent-password')).status);
    await settled(perIp, 3);
    statuses.push((await login(perIp, ADMIN, 'guess-4')).status);
    const refused = await login(perIp, ADMIN, 'guess-5');
    expect([...statuses, refused.status]).toEqual([401, 401, 200, 401, 200, 401, 429]);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('locks an account after repeated failures, says so, and keeps other accounts usable', async () => {
    const failures: number[] = [];
    for (let i = 1; i <= 3; i++) failures.push((await login(perAccount, ADMIN, `guess-${i}`)).status);
    expect(failures).toEqual([401, 401, 401]);
    // Even the right password is refused while the account is locked.
    const locked = await login(perAccount, ADMIN, 'admin-password');
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(/account is locked for \d+ min/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The email is matched as the login route reads it (trimmed, lower-cased): no way around the lock.
    expect((await login(perAccount, ` ${ADMIN.toUpperCase()} `, 'admin-password')).status).toBe(429);
    expect((await login(perAccount, AGENT, 'agent-password')).status).toBe(200);
  });
});
