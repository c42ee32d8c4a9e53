// Issue 16 (StrykerJS, `state` group): guards that ownership.int.test.ts leaves implicit. A hand-back
// is a move from `human` only: the owner's id stays on a chat they resolved and an admin owns
// everything, so "owned by the caller" alone would let either send a resolved or a waiting chat back
// to the AI. (Found as a surviving mutant of releaseToBot before issue 17 moved it here.) And a
// message for a conversation that does not exist fails naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage, createConversation, getConversation } from '@em/db/queries/conversations';
import { consoleUsers } from '@em/db/schema';
import type { AgentActor } from './service';
import { outcome, startCore, type Core } from './testing/fixture';

let core: Core;
let agent: AgentActor;
let admin: AgentActor;

beforeAll(async () => {
  core = await startCore('own_guards');
  const rows = await core.dbh.db
    .insert(consoleUsers)
    .values([
      { email: 'ann@guards.test', name: 'Ann Agent', role: 'agent', passwordHash: 'x' },
      { email: 'boss@guards.test', name: 'Boss Admin', role: 'admin', passwordHash: 'x' },
    ])
    .returning({ id: consoleUsers.id });
  agent = { kind: 'agent', userId: rows[0]!.id, name: 'Ann Agent' };
  admin = { kind: 'admin', userId: rows[1]!.id, name: 'Boss Admin' };
  // Someone is online, so a request for a person waits live.
  await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
});
afterAll(async () => {
  await core?.stop();
});

async function waiting() {
  const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
  expect(await core.service.requestHuman(conv.id, 'wants a person')).toMatchObject({ status: 'waiting_human' });
  return conv.id;
}

describe('hand-back only from `human`', () => {
  it('the owner cannot hand a chat they resolved back to the AI (their id is still on it)', async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    expect(await core.service.resolve(agent, id)).toEqual({ status: 'resolved' });
    expect(await outcome(core.service.release(agent, id))).toBe('conflict');
    expect((await getConversation(core.dbh.db, id))!.status).toBe('resolved');
  });

  it('an admin cannot hand a chat still waiting for a person to the AI', async () => {
    const id = await waiting();
    expect(await outcome(core.service.release(admin, id))).toBe('conflict');
    expect((await getConversation(core.dbh.db, id))!.status).toBe('waiting_human');
  });
});

describe('appendMessage', () => {
  it('a conversation that does not exist: fails naming it', async () => {
    const missing = crypto.randomUUID();
    await expect(appendMessage(core.dbh.db, { conversationId: missing, role: 'customer', text: 'hello' })).rejects.toThrow(`conversation ${missing} not found`);
  });
});
