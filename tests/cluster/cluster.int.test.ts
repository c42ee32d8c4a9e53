// `pnpm start:cluster`'s shape as a test: two gateway processes behind the sid-sticky proxy, one
// worker. The customer (long-polling through the proxy) lands on gateway 1, the agent on gateway 2;
// the Redis adapter carries every message across.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Message } from '@em/contracts/schemas';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { freePort } from '../../scripts/lib/services';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from '../../scripts/lib/processes';
import { createStickyProxy } from '../../scripts/lib/sticky-proxy';
import { childEnv } from '../../scripts/lib/env';
import { loginConsole } from '../harness';
import { connectAgent, nextEvent, nextQueue, type AgentClient } from '../console/agents-client';

const dbName = uniqueName('cluster');
const children: ReturnType<typeof spawnService>[] = [];
let proxy: http.Server;
let proxyUrl = '';
const gateways: string[] = [];
const sockets: { disconnect(): unknown }[] = [];

beforeAll(async () => {
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  const env = childEnv({ NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: dbUrl, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: dbName, WORKER_WARMUP_TURNS: '0' });
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const child = spawnService(`gateway${i + 1}`, SERVICE_ENTRY.gateway, { ...env, PORT: String(port) }, { quiet: true });
    children.push(child);
    gateways.push(`http://127.0.0.1:${port}`);
    await waitForHttp(`${gateways[i]}/health`, 30_000, child);
  }
  children.push(spawnService('worker', SERVICE_ENTRY.worker, env, { quiet: true }));
  proxy = createStickyProxy(gateways.map((g) => new URL(g)));
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  proxy?.close();
  await Promise.all(children.map((c) => stopChild(c)));
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

describe('cluster: a customer on one gateway, an agent on the other', () => {
  it('exchange messages both ways through the Redis adapter', async () => {
    // Round-robin starts at gateway 1; polling keeps the session there via the proxy's sid map.
    const customer: Socket = ioClient(`${proxyUrl}/chat`, { auth: { siteKey: 'demo-site' }, transports: ['polling'], forceNew: true });
    sockets.push(customer);
    const ready = await new Promise<{ conversationId: string }>((r, j) => {
      customer.once('session:ready', r);
      customer.once('connect_error', j);
    });

    const token = await loginConsole(gateways[1]!, 'agent@electromart.test', 'agent-password');
    const { socket: agent } = await connectAgent(gateways[1]!, { token });
    sockets.push(agent);

    const queued = nextQueue(agent, (q) => q.some((i) => i.conversationId === ready.conversationId), 10_000);
    expect((await customer.emitWithAck('conversation:request-human', { reason: 'cluster test' })).ok).toBe(true);
    await queued;

    const joined = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'system' && /joined/i.test(m.text), 10_000);
    expect((await (agent as AgentClient).emitWithAck('conversation:claim', { conversationId: ready.conversationId })).ok).toBe(true);
    await joined;

    const toCustomer = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'human', 10_000);
    const sent = await agent.emitWithAck('message:send', { conversationId: ready.conversationId, clientMessageId: randomUUID(), text: 'Hi, Sam here from gateway two.' });
    expect(sent.ok).toBe(true);
    expect((await toCustomer).text).toBe('Hi, Sam here from gateway two.');

    const toAgent = nextEvent<Message>(agent, 'message:new', (m) => m.role === 'customer' && m.conversationId === ready.conversationId, 10_000);
    expect((await customer.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'Thanks Sam, greetings from gateway one.' })).ok).toBe(true);
    expect((await toAgent).text).toBe('Thanks Sam, greetings from gateway one.');
  }, 60_000);
});
