// Attachments (issue 20, DESIGN §10) over real HTTP and Socket.IO against real Postgres and Redis:
// uploads, the documented refusals, who may download, message:send with attachments on /chat and
// /agents, and metadata stripping. The disk adapter runs for real (the harness's temporary folder).
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment, Message } from '@em/contracts/schemas';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, nextEvent, waitUntil, type AgentClient } from '../console/agents-client';
import { closeAllClients } from './clients';

let h: Harness;
let agentToken: string;
let adminToken: string;
const agents: AgentClient[] = [];

const png = () => sharp({ create: { width: 24, height: 16, channels: 3, background: '#c33' } }).png().toBuffer();
const pdf = (extra = '') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${extra}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

function upload(path: string, token: string | null, bytes: Buffer, name = 'photo.png', type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(`${h.url}${path}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
}
const uploadChat = (token: string | null, bytes: Buffer, name?: string, type?: string) => upload('/chat/attachments', token, bytes, name, type);
async function uploaded(res: Response): Promise<Attachment> {
  const body = (await res.json()) as { ok: boolean; data: Attachment };
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body.ok).toBe(true);
  return body.data;
}
const download = (url: string, headers: Record<string, string> = {}) => fetch(`${h.url}${url}`, { headers });
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

beforeAll(async () => {
  h = await startHarness('attach', { worker: false, limits: { uploads: { points: 4, durationS: 60 } } });
  agentToken = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  adminToken = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
});
afterAll(async () => {
  closeAllClients();
  for (const a of agents) a.disconnect();
  await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  await h?.stop();
});

describe('POST /chat/attachments', () => {
  it('stores a PNG sent with the session token and serves it back to that session only', async () => {
    const { ready } = await h.connect();
    const a = await uploaded(await uploadChat(ready.sessionToken, await png(), 'my photo.png'));
    expect(a).toMatchObject({ name: 'my photo.png', mime: 'image/png', url: `/chat/attachments/${a.id}` });
    expect(a.size).toBeGreaterThan(0);

    const mine = await download(a.url, bearer(ready.sessionToken));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('content-disposition')).toMatch(/^inline; filename="my photo.png"/);
    expect((await sharp(Buffer.from(await mine.arrayBuffer())).metadata()).format).toBe('png');

    // Another customer's session is refused; no credentials at all are unauthorized.
    const other = await h.connect();
    const theirs = await download(a.url, bearer(other.ready.sessionToken));
    expect(theirs.status).toBe(403);
    expect(await theirs.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await download(a.url)).status).toBe(401);
    expect((await download(a.url, bearer('not-a-token'))).status).toBe(401);
    // Console users read any conversation's files (Bearer here; the console page uses its cookie).
    expect((await download(a.url, bearer(agentToken))).status).toBe(200);
    expect((await download(a.url, { cookie: `em_console=${agentToken}`, origin: 'http://localhost:3000' })).status).toBe(200);
    // The cookie from another site's page is not the console.
    expect((await download(a.url, { cookie: `em_console=${agentToken}`, origin: 'http://evil.test' })).status).toBe(401);
    expect((await download(`/chat/attachments/${randomUUID()}`, bearer(ready.sessionToken))).status).toBe(404);
  });

  it('refuses a file over 10 MB with 413 file_too_large', async () => {
    const { ready } = await h.connect();
    const big = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024 + 1 - pdf().length, 0x20)]);
    expect(big.length).toBe(10 * 1024 * 1024 + 1);
    const res = await uploadChat(ready.sessionToken, big, 'manual.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'file_too_large' } });
    // Exactly 10 MB is allowed.
    const max = await uploaded(await uploadChat(ready.sessionToken, big.subarray(0, 10 * 1024 * 1024), 'manual.pdf', 'application/pdf'));
    expect(max).toMatchObject({ mime: 'application/pdf', size: 10 * 1024 * 1024 });
  });

  it('decides the type by content: a text file named .png and sent as image/png is 415 unsupported_type', async () => {
    const { ready } = await h.connect();
    const res = await uploadChat(ready.sessionToken, Buffer.from('<script>alert(1)</script> not an image'), 'photo.png', 'image/png');
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unsupported_type' } });
    // A PNG header with a broken body does not decode: refused too, never stored as an image.
    const fake = Buffer.concat([(await png()).subarray(0, 16), Buffer.from('garbage garbage garbage')]);
    expect((await uploadChat(ready.sessionToken, fake, 'x.png')).status).toBe(415);
    // A real PDF named .png is stored as what it is.
    const a = await uploaded(await uploadChat(ready.sessionToken, pdf(), 'invoice.png', 'image/png'));
    expect(a).toMatchObject({ mime: 'application/pdf', name: 'invoice.pdf' });
  });

  it('needs a chat session token: none, a forged one or a console token are 401 unauthorized', async () => {
    for (const token of [null, 'garbage', agentToken]) {
      const res = await uploadChat(token, await png());
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('limits uploads per session: over the budget is 429 rate_limited, another session is unaffected', async () => {
    const { ready } = await h.connect();
    const bytes = await png();
    for (let i = 0; i < 4; i++) await uploaded(await uploadChat(ready.sessionToken, bytes));
    const res = await uploadChat(ready.sessionToken, bytes);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const other = await h.connect();
    await uploaded(await uploadChat(other.ready.sessionToken, bytes));
  });

  it('strips EXIF (camera, GPS) from photos and keeps them upright', async () => {
    const { ready } = await h.connect();
    const withExif = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#39c' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretCam', Artist: 'Jane Doe' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const before = await sharp(withExif).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    expect(withExif.includes('SecretCam')).toBe(true);
    const a = await uploaded(await uploadChat(ready.sessionToken, withExif, 'IMG_0001.JPG', 'image/jpeg'));
    expect(a).toMatchObject({ mime: 'image/jpeg', name: 'IMG_0001.jpg' });
    const stored = Buffer.from(await (await download(a.url, bearer(ready.sessionToken))).arrayBuffer());
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(stored.includes('SecretCam')).toBe(false);
    expect(stored.includes('Jane Doe')).toBe(false);
    // Orientation 6 (rotate 90°) was applied to the pixels before the tag went away.
    expect([after.width, after.height]).toEqual([20, 40]);
  });
});

describe('message:send with attachments', () => {
  it('/chat: own uploads go with the message (text may be empty) and come back in message:new, history:sync and session:ready', async () => {
    const { socket, ready } = await h.connect();
    const a = await uploaded(await uploadChat(ready.sessionToken, await png(), 'broken.png'));
    const seen = nextEvent<Message>(socket, 'message:new', (m) => m.role === 'customer');
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: '', attachments: [a.id] });
    expect(ack.ok).toBe(true);
    const msg = await seen;
    expect(msg.text).toBe('');
    expect(msg.attachments).toEqual([a]);
    const sync = await socket.emitWithAck('history:sync', { afterSeq: 0 });
    expect(sync.ok && sync.data.messages.find((m) => m.id === msg.id)?.attachments).toEqual([a]);
    const again = await h.connect({ siteKey: 'demo-site', sessionToken: ready.sessionToken });
    expect(again.ready.messages.find((m) => m.id === msg.id)?.attachments).toEqual([a]);
  });

  it('refuses ids that are used, another conversation’s or unknown (forbidden), and empty text without files (invalid_payload); a repeat still acks the first message', async () => {
    const { socket, ready } = await h.connect();
    const other = await h.connect();
    const mine = await uploaded(await uploadChat(ready.sessionToken, await png()));
    const theirs = await uploaded(await uploadChat(other.ready.sessionToken, await png()));

    const foreign = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'look', attachments: [mine.id, theirs.id] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const unknown = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'look', attachments: [randomUUID()] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nothing was stored by the refused sends: my upload is still unsent.
    const clientMessageId = randomUUID();
    const first = await socket.emitWithAck('message:send', { clientMessageId, text: 'look', attachments: [mine.id] });
    expect(first.ok).toBe(true);
    // The same send again (a retry): the first message, not a refusal for the now-used file.
    const repeat = await socket.emitWithAck('message:send', { clientMessageId, text: 'look', attachments: [mine.id] });
    expect(repeat).toEqual({ ok: true, data: { ...(first.ok ? first.data : {}), duplicate: true } });
    const used = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'again', attachments: [mine.id] });
    expect(used).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const six = Array.from({ length: 6 }, () => randomUUID());
    expect(await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'x', attachments: six })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'x', attachments: ['nope'] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('/agents: the owner uploads through /api and sends a PDF; the customer gets it and downloads it; the transcript and brief list the files', async () => {
    const { socket: customer, ready } = await h.connect();
    const conversationId = ready.conversationId;
    const photo = await uploaded(await uploadChat(ready.sessionToken, await png(), 'cracked-screen.png'));
    await customer.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'My TV arrived broken', attachments: [photo.id] });

    const { socket: agent } = await connectAgent(h.url, { token: agentToken });
    agents.push(agent);
    await waitUntil(async () => (await h.deps.presence.onlineCount()) > 0);
    expect(await customer.emitWithAck('conversation:request-human', {})).toMatchObject({ ok: true, data: { status: 'waiting_human' } });
    const path = `/api/conversations/${conversationId}/attachments`;
    // Not the owner yet: refused; an admin who does not own it neither.
    expect((await upload(path, agentToken, pdf(), 'label.pdf', 'application/pdf')).status).toBe(403);
    expect(await (await upload(path, null, pdf(), 'label.pdf')).json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await agent.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
    expect((await upload(path, adminToken, pdf(), 'label.pdf', 'application/pdf')).status).toBe(403);
    expect((await upload(path, agentToken, Buffer.from('hello'), 'label.pdf', 'application/pdf')).status).toBe(415);
    const label = await uploaded(await upload(path, agentToken, pdf('return label'), 'Return label "EM-10001".pdf', 'application/pdf'));
    expect(label.mime).toBe('application/pdf');

    // The agent cannot send the customer's upload as theirs.
    const stolen = await agent.emitWithAck('message:send', { conversationId, clientMessageId: randomUUID(), text: 'x', attachments: [photo.id] });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const arrives = nextEvent<Message>(customer, 'message:new', (m) => m.role === 'human');
    const sent = await agent.emitWithAck('message:send', { conversationId, clientMessageId: randomUUID(), attachments: [label.id] });
    expect(sent.ok).toBe(true);
    const msg = await arrives;
    expect(msg.attachments).toEqual([label]);

    const file = await download(label.url, bearer(ready.sessionToken));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="Return label EM-10001.pdf"; filename\*=UTF-8''Return%20label%20EM-10001.pdf$/);
    expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toContain('return label');

    const detail = (await (await download(`/api/conversations/${conversationId}`, bearer(agentToken))).json()) as {
      messages: { role: string; attachments?: Attachment[] }[];
      brief: { attachments?: Attachment[]; summary: string };
    };
    expect(detail.messages.find((m) => m.role === 'customer')?.attachments).toEqual([photo]);
    expect(detail.messages.find((m) => m.role === 'human')?.attachments).toEqual([label]);
    expect(detail.brief.attachments).toEqual([photo]);
    expect(detail.brief.summary).toContain('cracked-screen.png');
  });
});
