// The gateway's HTTP surface: security headers, request ids, /metrics, /admin/queues, OpenAPI, CORS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, nextReply, startHarness, type Harness } from '../harness';
import { closeAllClients, connectChat } from './clients';
import { waitFor } from './processes';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('gwhttp');
});
afterAll(async () => {
  closeAllClients();
  await h?.stop();
});

const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(name + ' '));
  return line ? Number(line.split(' ').pop()) : undefined;
};

describe('HTTP basics', () => {
  it('sends helmet headers and a request id (echoing a well-formed one, replacing a bad one)', async () => {
    const res = await fetch(`${h.url}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bad = await fetch(`${h.url}/health`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps /api CORS to the platform origin only', async () => {
    const cors = async (origin: string) =>
      (await fetch(`${h.url}/api/auth/login`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).headers.get(
        'access-control-allow-origin',
      );
    expect(await cors('http://localhost:3000')).toBe('http://localhost:3000');
    expect(await cors('http://shop.test')).toBeNull();
  });
});

describe('/metrics', () => {
  it('counts connections, messages in and out, acks, queue depth and processing latency', async () => {
    const { socket } = await connectChat(h.url);
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    if (!ack.ok) throw new Error(ack.error.code);
    await nextReply(socket, ack.data.messageId);
    const text = await waitFor('the job to be observed', async () => {
      const t = await (await fetch(`${h.url}/metrics`)).text();
      return (sample(t, 'em_message_processing_seconds_count') ?? 0) >= 1 && t;
    });
    expect(sample(text, 'em_chat_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'em_chat_messages_in_total')).toBe(1);
    expect(sample(text, 'em_chat_messages_out_total{source="gateway"}')).toBe(1);
    expect(sample(text, 'em_chat_messages_out_total{source="worker"}')).toBe(1);
    expect(sample(text, 'em_chat_acks_total{event="message:send",code="ok"}')).toBe(1);
    expect(sample(text, 'em_queue_depth{state="waiting"}')).toBe(0);
    expect(sample(text, 'em_message_processing_seconds_count')).toBe(1);
    socket.disconnect();
    await waitFor('the connection gauge to drop', async () => sample(await h.deps.metrics.registry.metrics(), 'em_chat_connections') === 0);
  });

  it('requires METRICS_TOKEN when one is configured', async () => {
    h.deps.metricsToken = 'metrics-token-0123456789abcdef';
    try {
      expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const ok = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${h.deps.metricsToken}` } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    } finally {
      delete h.deps.metricsToken;
    }
  });
});

describe('/admin/queues (bull-board)', () => {
  it('is admin only', async () => {
    expect((await fetch(`${h.url}/admin/queues`)).status).toBe(401);
    const agent = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    expect((await fetch(`${h.url}/admin/queues`, { headers: { authorization: `Bearer ${agent}` } })).status).toBe(403);
  });

  it('serves the UI, its assets and its API to an admin, with a CSP that lets the page load', async () => {
    const admin = { authorization: `Bearer ${await loginConsole(h.url, 'admin@electromart.test', 'admin-password')}` };
    const page = await fetch(`${h.url}/admin/queues`, { headers: admin });
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';
    // Issue 15, #8: the page's own assets only; Google Fonts is blocked, never fetched.
    expect(csp).not.toContain('https://fonts.googleapis.com');
    expect(csp).toContain("script-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) expect((await fetch(`${h.url}/admin/queues/${asset}`, { headers: admin })).status).toBe(200);
    const api = await fetch(`${h.url}/admin/queues/api/queues`, { headers: admin });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('messages');
  });
});

describe('OpenAPI', () => {
  it('documents /api from the zod schemas, including login', async () => {
    const res = await fetch(`${h.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: object; required: string[] } }> }; responses: object }>> };
    expect(doc.openapi).toMatch(/^3\.0/);
    const login = doc.paths['/api/auth/login']!.post!;
    expect(Object.keys(login.requestBody!.content['application/json']!.schema.properties)).toEqual(['email', 'password']);
    expect(login.requestBody!.content['application/json']!.schema.required).toEqual(['email', 'password']);
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/metrics', '/api/auth/me']));
  });
});
