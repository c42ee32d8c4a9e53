// Issue 15, finding 6: a NUL byte (U+0000) in anything that is stored used to reach Postgres, which
// refuses it, and the client got `internal`. It is now refused at the zod boundary as invalid_payload.
// Real Socket.IO clients and HTTP against the in-process gateway (real Postgres and Redis).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '@em/config/identity';
import { IDENTITY_SECRET, loginConsole, startHarness, type ChatClient, type Harness } from '../harness';
import { refusalCode } from '../gateway/clients';
import { connectAgent } from '../console/agents-client';
import { untyped } from '../support/raw-socket';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness('nulbytes', { worker: false });
  admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
});
afterAll(async () => h?.stop());

type Ack = { ok: boolean; error?: { code: string } };
const emit = (socket: ChatClient, event: string, payload: unknown) =>
  untyped(socket).timeout(5000).emitWithAck(event, payload) as Promise<Ack>;
const NUL = 'hello\u0000world';

describe('NUL bytes are refused at the boundary (invalid_payload, never internal)', () => {
  it('/chat: message text, rating comment and request-human reason', async () => {
    const { socket } = await h.connect();
    expect((await emit(socket, 'message:send', { clientMessageId: crypto.randomUUID(), text: NUL })).error?.code).toBe('invalid_payload');
    expect((await emit(socket, 'conversation:rate', { score: 4, comment: NUL })).error?.code).toBe('invalid_payload');
    expect((await emit(socket, 'conversation:request-human', { reason: NUL })).error?.code).toBe('invalid_payload');
    // The socket still works and the text without the NUL is stored as sent.
    const ok = await emit(socket, 'message:send', { clientMessageId: crypto.randomUUID(), text: 'hello world' });
    expect(ok.ok).toBe(true);
    socket.disconnect();
  });

  it('/chat handshake: an identity name with a NUL is refused as unauthorized, not internal', async () => {
    const email = 'alice@example.com';
    const code = await refusalCode(h.connect({ siteKey: 'demo-site', identity: { email, name: 'Ali\u0000ce', hash: identityHash(email, IDENTITY_SECRET) } }));
    expect(code).toBe('unauthorized');
  });

  it('/agents: a private note with a NUL', async () => {
    const { socket: customer, ready } = await h.connect();
    const { socket: agent } = await connectAgent(h.url, { token: admin });
    const res = (await untyped(agent).timeout(5000).emitWithAck('note:add', { conversationId: ready.conversationId, text: NUL })) as Ack;
    expect(res.error?.code).toBe('invalid_payload');
    agent.disconnect();
    customer.disconnect();
  });

  it('REST: console search and admin bodies answer 400 invalid_payload', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const search = await fetch(`${h.url}/api/conversations?q=${encodeURIComponent(NUL)}`, { headers: auth });
    expect(search.status).toBe(400);
    expect(((await search.json()) as { error: { code: string } }).error.code).toBe('invalid_payload');
    const canned = await fetch(`${h.url}/api/canned-responses`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ shortcut: 'nul', title: 'Nul', text: NUL }),
    });
    expect(canned.status).toBe(400);
    const user = await fetch(`${h.url}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nul@electromart.test', name: NUL, role: 'agent', password: 'a-long-password-123' }),
    });
    expect(user.status).toBe(400);
  });
});
