import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@em/contracts/errors';
import { loginConsole, startHarness, type Harness } from '../harness';
import { hostileBody, hostileQueryValue } from './hostile';

let h: Harness;
let admin: string;
let tried = 0;
beforeAll(async () => {
  h = await startHarness('fuzzhttp', { worker: false });
  admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
});
afterAll(async () => {
  console.log(`fuzz-http: ${tried} hostile requests tried`);
  await h?.stop();
});

/** Every refusal is JSON `{ error: { code, message } }` with a documented code, never a stack. */
async function expectDocumented(res: Response, allowed: number[]) {
  expect(allowed).toContain(res.status);
  if (res.status >= 400) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(ERROR_CODES).toContain(body.error.code);
    expect(body.error.message).not.toMatch(/stack|at \w+ \(|postgres|drizzle|TypeError/i);
  } else await res.arrayBuffer();
}

const BODY_ROUTES: { method: string; path: string; auth: boolean }[] = [
  { method: 'POST', path: '/api/auth/login', auth: false },
  { method: 'POST', path: '/api/users', auth: true },
  { method: 'POST', path: '/api/canned-responses', auth: true },
  { method: 'PATCH', path: '/api/users/00000000-0000-4000-8000-000000000000', auth: true },
  { method: 'PATCH', path: '/api/canned-responses/00000000-0000-4000-8000-000000000000', auth: true },
];

describe('fuzzing HTTP bodies and query strings', () => {
  for (const route of BODY_ROUTES) {
    it(`${route.method} ${route.path}: hostile bodies get 4xx with a documented code`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileBody, async (body) => {
          tried++;
          const res = await fetch(`${h.url}${route.path}`, {
            method: route.method,
            headers: { 'content-type': 'application/json', ...(route.auth ? { authorization: `Bearer ${admin}` } : {}) },
            body,
          });
          await expectDocumented(res, [400, 401, 404, 409, 413]);
        }),
        { numRuns: 60 },
      );
    });
  }

  const QUERY_ROUTES = ['/api/analytics/summary', '/api/analytics/timeseries', '/api/analytics/export.csv', '/api/conversations'];
  for (const path of QUERY_ROUTES) {
    it(`GET ${path}: hostile query strings get 200 or 400`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom('from', 'to', 'metric', 'bucket', 'status', 'q', 'page', '__proto__', 'mine'), hostileQueryValue), async (query) => {
          tried++;
          const qs = new URLSearchParams(query).toString();
          const res = await fetch(`${h.url}${path}?${qs}`, { headers: { authorization: `Bearer ${admin}` } });
          // 431: Node's HTTP parser refuses an over-long URL before any of our code runs.
          if (res.status === 431) return;
          await expectDocumented(res, [200, 400]);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('refuses an oversize body before parsing and keeps serving', async () => {
    const res = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x'.repeat(1_000_000) }) });
    await expectDocumented(res, [413]);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
