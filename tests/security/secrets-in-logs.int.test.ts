// Secrets and personal data never reach the logs: runs the real gateway and worker processes at
// debug level, drives a login, a console request and a verified chat, and greps every log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { identityHash } from '@em/config/identity';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { freePort } from '../../scripts/lib/services';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from '../../scripts/lib/processes';
import { childEnv, scriptEnv } from '../../scripts/lib/env';

const dbName = uniqueName('logs');
const IDENTITY_SECRET = 'log-test-identity-secret-0123456789';
const LLM_KEY = 'sk-test-very-secret-llm-key-000111';
const lines: string[] = [];
let url = '';
let stop: () => Promise<void>;

beforeAll(async () => {
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // The LLM key is set but the provider stays offline: the worker must still never print it.
  const env = childEnv({ NODE_ENV: 'test', LOG_LEVEL: 'debug', DATABASE_URL: dbUrl, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: dbName, PORT: String(port), SITE_IDENTITY_SECRET: IDENTITY_SECRET, OPENAI_API_KEY: LLM_KEY, LLM_PROVIDER: 'offline', WORKER_WARMUP_TURNS: '0' });
  const log = (l: string) => lines.push(l);
  const gateway = spawnService('gateway', SERVICE_ENTRY.gateway, env, { log });
  const worker = spawnService('worker', SERVICE_ENTRY.worker, env, { log });
  await waitForHttp(`${url}/health`, 30_000, gateway);
  stop = async () => {
    await Promise.all([stopChild(gateway), stopChild(worker)]);
    await dropDatabase(TEST_PG_ADMIN_URL, dbName);
  };
}, 60_000);
afterAll(async () => stop?.());

describe('logs', () => {
  it('never contain passwords, tokens, emails, identity hashes or the LLM key', async () => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@electromart.test', password: 'admin-password' }),
    });
    const { token } = (await login.json()) as { token: string };
    await fetch(`${url}/api/auth/me`, { headers: { authorization: `Bearer ${token}`, cookie: `em_console=${token}` } });
    await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'agent@electromart.test', password: 'wrong-password-123' }) });

    const hash = identityHash('alice@example.com', IDENTITY_SECRET);
    const socket = ioClient(`${url}/chat`, { auth: { siteKey: 'demo-site', identity: { email: 'alice@example.com', name: 'Alice', hash } }, transports: ['websocket'] });
    const ready = await new Promise<{ sessionToken: string }>((r) => socket.once('session:ready', r));
    const reply = new Promise((r) => socket.on('message:new', (m: { role: string }) => m.role === 'bot' && r(m)));
    await socket.emitWithAck('message:send', { clientMessageId: crypto.randomUUID(), text: 'Where is my order EM-10001?' });
    await reply;
    socket.disconnect();
    await new Promise((r) => setTimeout(r, 500));

    if (scriptEnv.SHOW_LOGS) console.log(lines.join("\n"));
    const all = lines.join('\n');
    // The requests carrying secrets were logged, with those fields redacted rather than dropped.
    expect(all).toContain('/api/auth/login');
    expect(all).toContain('"authorization":"[redacted]"');
    for (const secret of ['admin-password', 'wrong-password-123', token, ready.sessionToken, hash, LLM_KEY, 'alice@example.com', 'admin@electromart.test', IDENTITY_SECRET]) {
      expect(all).not.toContain(secret);
    }
  }, 60_000);
});
