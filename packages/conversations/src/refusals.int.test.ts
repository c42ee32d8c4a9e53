// Issue 16 (StrykerJS `state` run at f21c60c): what the mutants of ownership.ts, context.ts and the
// agent's reply showed no test checking. The refusal texts are what the console shows the agent (a
// toast), so they are asserted word for word; a hand-back tells the widget who has it now; an agent's
// reply clears their typing indicator; resolving a waiting chat settles its still-open ticket.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@em/contracts/errors';
import { createConversation } from '@em/db/queries/conversations';
import { findOpenHandoffTicket } from '@em/db/queries/handoff-tickets';
import { consoleUsers } from '@em/db/schema';
import type { AgentActor } from './service';
import { startCore, type Core } from './testing/fixture';

let core: Core;
let agent: AgentActor;
let other: AgentActor;
let admin: AgentActor;

beforeAll(async () => {
  core = await startCore('refusals');
  const rows = await core.dbh.db
    .insert(consoleUsers)
    .values([
      { email: 'ann@refusals.test', name: 'Ann Agent', role: 'agent', passwordHash: 'x' },
      { email: 'second@refusals.test', name: 'Second Agent', role: 'agent', passwordHash: 'x' },
      { email: 'boss@refusals.test', name: 'Boss Admin', role: 'admin', passwordHash: 'x' },
    ])
    .returning({ id: consoleUsers.id });
  agent = { kind: 'agent', userId: rows[0]!.id, name: 'Ann Agent' };
  other = { kind: 'agent', userId: rows[1]!.id, name: 'Second Agent' };
  admin = { kind: 'admin', userId: rows[2]!.id, name: 'Boss Admin' };
  await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
});
afterAll(async () => {
  await core?.stop();
});

/** The refusal as the console gets it: code and message. */
async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}
async function waiting() {
  const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
  expect(await core.service.requestHuman(conv.id, 'wants a person')).toMatchObject({ status: 'waiting_human' });
  return conv.id;
}
const toCustomer = (id: string, event: string) => core.sent.filter((e) => e.nsp === '/chat' && e.room === `conv:${id}` && e.event === event).map((e) => e.payload);

describe('refusals name the reason and the state, word for word', () => {
  it('claim, release, resolve, reassign and reply', async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    expect(await refusal(core.service.claim(other, id))).toEqual({ code: 'conflict', message: 'Someone else already took this conversation (it is human).' });
    expect(await refusal(core.service.release(other, id))).toEqual({
      code: 'conflict',
      message: 'Only the agent who owns this conversation can hand it back (it is human).',
    });
    expect(await refusal(core.service.resolve(other, id))).toEqual({
      code: 'conflict',
      message: 'Only the agent who owns this conversation can resolve it (it is human).',
    });
    expect(await refusal(core.service.agentReply(other, { conversationId: id, clientMessageId: randomUUID(), text: 'hi' }))).toEqual({
      code: 'forbidden',
      message: 'Claim this conversation before replying: only its owner can write to the customer.',
    });
    // the status's underscore is spelled as a space
    const other2 = await waiting();
    expect(await refusal(core.service.release(agent, other2))).toEqual({
      code: 'conflict',
      message: 'Only the agent who owns this conversation can hand it back (it is waiting human).',
    });
    const bot = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    expect(await refusal(core.service.reassign(admin, bot.id, agent.userId))).toEqual({
      code: 'conflict',
      message: 'Only waiting or claimed conversations can be reassigned (it is bot).',
    });
    expect(await refusal(core.service.reassign(admin, id, randomUUID()))).toEqual({ code: 'not_found', message: 'No such active agent.' });
  });

  it('an unknown conversation: not_found, "No such conversation."', async () => {
    const missing = randomUUID();
    const notFound = { code: 'not_found', message: 'No such conversation.' };
    expect(await refusal(core.service.claim(agent, missing))).toEqual(notFound);
    expect(await refusal(core.service.agentReply(agent, { conversationId: missing, clientMessageId: randomUUID(), text: 'hi' }))).toEqual(notFound);
  });
});

describe('what the customer is told', () => {
  it('a hand-back announces the AI (orchestrator) as the new handler, reason handed_back', async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    await core.service.release(agent, id);
    expect(toCustomer(id, 'agent:handoff').at(-1)).toEqual({ from: 'Ann Agent', to: 'orchestrator', reason: 'handed_back' });
  });

  it("an agent's reply clears their typing indicator before the message arrives", async () => {
    const id = await waiting();
    await core.service.claim(agent, id);
    await core.service.agentTyping(agent, id, true);
    await core.service.agentReply(agent, { conversationId: id, clientMessageId: randomUUID(), text: 'Ann here.' });
    const events = core.sent.filter((e) => e.nsp === '/chat' && e.room === `conv:${id}` && (e.event === 'typing' || e.event === 'message:new'));
    expect(events.slice(-2).map((e) => [e.event, e.event === 'typing' ? e.payload : null])).toEqual([
      ['typing', { actor: 'human', name: 'Ann Agent', isTyping: false }],
      ['message:new', null],
    ]);
  });
});

describe('resolve settles the handoff ticket', () => {
  it('a waiting chat whose ticket is still open (asked while nobody was online, then again): an admin resolves both', async () => {
    await core.presence.leave(agent.userId);
    const conv = await createConversation(core.dbh.db, { siteKey: 'demo-site' });
    try {
      expect(await core.service.requestHuman(conv.id, 'nobody there')).toMatchObject({ status: 'bot' });
    } finally {
      await core.presence.beat({ userId: agent.userId, name: agent.name, status: 'online' });
    }
    expect(await core.service.requestHuman(conv.id, 'again')).toMatchObject({ status: 'waiting_human' });
    expect(await findOpenHandoffTicket(core.dbh.db, conv.id)).not.toBeNull();
    await core.service.resolve(admin, conv.id);
    expect(await findOpenHandoffTicket(core.dbh.db, conv.id)).toBeNull();
  });
});
