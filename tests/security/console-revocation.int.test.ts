// Issue 15, finding 7: console tokens were stateless 12 h JWTs that outlived logout and password
// changes. Each token now carries the user's token version; logout, a password change, a role change
// and deactivation raise it, which revokes every earlier token at once (REST and /agents, including
// sockets already connected). Logout refuses cross-site requests. Real HTTP and Socket.IO.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, type AgentClient } from '../console/agents-client';
import { waitFor } from '../support/wait';

let h: Harness;
let admin: string;
const sockets: AgentClient[] = [];
beforeAll(async () => {
  h = await startHarness('revoke', { worker: false });
  admin = await loginConsole(h.url, 'admin@electromart.test', 'admin-password');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await h?.stop();
});

const me = (headers: Record<string, string>) => fetch(`${h.url}/api/auth/me`, { headers }).then((r) => r.status);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const logout = (headers: Record<string, string>) => fetch(`${h.url}/api/auth/logout`, { method: 'POST', headers });
const patchUser = (id: string, body: object) =>
  fetch(`${h.url}/api/users/${id}`, { method: 'PATCH', headers: { ...bearer(admin), 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A fresh agent (so each test revokes only its own user); returns its id and a token. */
async function newAgent(password = 'first-password-123') {
  const email = `agent-${randomUUID().slice(0, 8)}@electromart.test`;
  const res = await fetch(`${h.url}/api/users`, {
    method: 'POST',
    headers: { ...bearer(admin), 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Temp Agent', role: 'agent', password }),
  });
  const { id } = (await res.json()) as { id: string };
  return { id, email, token: await loginConsole(h.url, email, password) };
}

describe('console token revocation', () => {
  it('logout revokes the token itself, not just the cookie', async () => {
    const { token } = await newAgent();
    expect(await me(bearer(token))).toBe(200);
    expect((await logout(bearer(token))).status).toBe(200);
    expect(await me(bearer(token))).toBe(401);
    expect(await me({ cookie: `em_console=${token}` })).toBe(401);
  });

  it('logout refuses a cross-site request and leaves the session alone', async () => {
    const { token } = await newAgent();
    const res = await logout({ cookie: `em_console=${token}`, origin: 'http://localhost:3999' });
    expect(res.status).toBe(403);
    expect(await me(bearer(token))).toBe(200);
  });

  it('a password change ends earlier sessions, REST and live sockets; the new password works', async () => {
    const { id, email, token } = await newAgent();
    const { socket } = await connectAgent(h.url, { token });
    sockets.push(socket);
    const closed = new Promise<void>((r) => socket.once('disconnect', () => r()));
    expect((await patchUser(id, { password: 'second-password-456' })).status).toBe(200);
    expect(await me(bearer(token))).toBe(401);
    await closed;
    await expect(connectAgent(h.url, { token })).rejects.toThrow(/unauthorized/);
    expect(await me(bearer(await loginConsole(h.url, email, 'second-password-456')))).toBe(200);
  });

  it('a role change and a deactivation end earlier sessions', async () => {
    const promoted = await newAgent();
    expect((await patchUser(promoted.id, { role: 'admin' })).status).toBe(200);
    expect(await me(bearer(promoted.token))).toBe(401);
    const leaver = await newAgent();
    expect((await patchUser(leaver.id, { active: false })).status).toBe(200);
    expect(await me(bearer(leaver.token))).toBe(401);
  });

  it('logout also disconnects the console sockets already open', async () => {
    const { token } = await newAgent();
    const { socket } = await connectAgent(h.url, { token });
    sockets.push(socket);
    const closed = new Promise<void>((r) => socket.once('disconnect', () => r()));
    expect((await logout(bearer(token))).status).toBe(200);
    await closed;
    await expect(connectAgent(h.url, { token })).rejects.toThrow(/unauthorized/);
  });

  it('a socket whose token was revoked elsewhere gets unauthorized on its next event and is disconnected', async () => {
    const { id, token } = await newAgent();
    const { socket } = await connectAgent(h.url, { token });
    sockets.push(socket);
    // Revoked straight in the database (as by a node that can't reach this socket), so no disconnect is sent.
    await h.dbh.sql`update console_users set token_version = token_version + 1 where id = ${id}`;
    const ack = await socket.timeout(5000).emitWithAck('conversation:claim', { conversationId: randomUUID() });
    expect(ack.ok ? 'ok' : ack.error.code).toBe('unauthorized');
    await waitFor('the socket to be disconnected', () => !socket.connected, 5000);
  });
});
