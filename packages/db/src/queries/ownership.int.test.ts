// Conversation ownership at the database (DESIGN §5): who may claim, hand back, resolve or reassign,
// what each move stamps on the row, and that every move is logged as `status_changed` in the same
// transaction. Real, migrated and seeded Postgres.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '../client';
import { runMigrations } from '../migrate';
import { consoleUsers } from '../schema/index';
import { seed } from '../seed/seed';
import { createDatabase, dropDatabase } from '../testing';
import { createConversation, setStatus } from './conversations';
import { claimConversation, markFirstHumanReply, markWaitingHuman, reassignConversation, releaseToBot, resolveByAgent, type Actor } from './queue';
import { listConsoleUsers } from './users';

const dbName = uniqueName('ownership');
let dbh: DbHandle;
let agent: Actor;
let other: Actor;
let admin: Actor;
let inactiveId: string;

beforeAll(async () => {
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 6 });
  await runMigrations(dbh.db);
  await seed(dbh.db);
  const users = await listConsoleUsers(dbh.db);
  agent = { userId: users.find((u) => u.role === 'agent')!.id, role: 'agent' };
  admin = { userId: users.find((u) => u.role === 'admin')!.id, role: 'admin' };
  const [second, gone] = await dbh.db
    .insert(consoleUsers)
    .values([
      { email: 'second@own.test', name: 'Second Agent', role: 'agent', passwordHash: 'x' },
      { email: 'gone@own.test', name: 'Gone Agent', role: 'agent', passwordHash: 'x', active: false },
    ])
    .returning({ id: consoleUsers.id });
  other = { userId: second!.id, role: 'agent' };
  inactiveId = gone!.id;
});
afterAll(async () => {
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

type Row = { status: string; assigned: string | null; waiting: string | null; claimed: string | null; human: boolean; resolved: string | null; first: string | null; reason: string | null };
async function row(id: string): Promise<Row> {
  const [r] = await dbh.sql<Row[]>`
    select status, assigned_agent_id as assigned, waiting_since as waiting, claimed_at as claimed, handled_by_human as human,
           resolved_at as resolved, first_human_reply_at as first, escalation_reason as reason
    from conversations where id = ${id}`;
  return r!;
}
async function statusEvents(id: string) {
  const rows = await dbh.sql<{ data: Record<string, unknown> }[]>`
    select data from conversation_events where conversation_id = ${id} and type = 'status_changed' order by created_at, id`;
  return rows.map((r) => r.data);
}
async function waiting() {
  const conv = await createConversation(dbh.db, { siteKey: 'demo-site' });
  expect(await markWaitingHuman(dbh.db, conv.id, { reason: 'customer_request', detail: 'wants a person', priority: 1 })).toBe(true);
  return conv.id;
}

describe('hand to humans', () => {
  it('bot → waiting_human with reason and waitingSince, logged; not again while waiting or owned', async () => {
    const id = await waiting();
    const r = await row(id);
    expect(r).toMatchObject({ status: 'waiting_human', assigned: null, reason: 'customer_request' });
    expect(r.waiting).not.toBeNull();
    expect(await statusEvents(id)).toEqual([{ status: 'waiting_human', reason: 'customer_request', detail: 'wants a person' }]);
    expect(await markWaitingHuman(dbh.db, id, { reason: 'timeout', priority: 0 })).toBe(false);
    await claimConversation(dbh.db, id, agent.userId);
    expect(await markWaitingHuman(dbh.db, id, { reason: 'timeout', priority: 0 })).toBe(false);
    expect((await row(id)).status).toBe('human');
  });
});

describe('claim', () => {
  it('waiting → human for exactly one of two agents; stamps owner, claimedAt, handledByHuman; logs the agent', async () => {
    const id = await waiting();
    const results = await Promise.all([claimConversation(dbh.db, id, agent.userId), claimConversation(dbh.db, id, other.userId)]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, status: 'human' }]);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, status: 'human' }]);
    const winner = results[0]!.ok ? agent.userId : other.userId;
    const r = await row(id);
    expect(r).toMatchObject({ status: 'human', assigned: winner, human: true, waiting: null });
    expect(r.claimed).not.toBeNull();
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'human', agentId: winner });
  });

  it('a bot-owned or unknown conversation cannot be claimed', async () => {
    const conv = await createConversation(dbh.db, { siteKey: 'demo-site' });
    expect(await claimConversation(dbh.db, conv.id, agent.userId)).toEqual({ ok: false, status: 'bot' });
    expect(await claimConversation(dbh.db, randomUUID(), agent.userId)).toEqual({ ok: false, status: null });
    expect(await statusEvents(conv.id)).toEqual([]);
  });
});

describe('release and resolve: the owner, or an admin', () => {
  it('another agent can neither hand back nor resolve; the owner hands back to the bot', async () => {
    const id = await waiting();
    await claimConversation(dbh.db, id, agent.userId);
    expect(await releaseToBot(dbh.db, id, other)).toEqual({ ok: false, status: 'human' });
    expect(await resolveByAgent(dbh.db, id, other)).toEqual({ ok: false, status: 'human' });
    expect(await releaseToBot(dbh.db, id, agent)).toEqual({ ok: true, status: 'bot' });
    expect(await row(id)).toMatchObject({ status: 'bot', assigned: null, waiting: null });
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'bot', agentId: agent.userId, reason: 'handed_back' });
    expect(await releaseToBot(dbh.db, id, agent)).toEqual({ ok: false, status: 'bot' }); // only from human
  });

  it('the owner resolves (resolvedAt, logged); an admin may resolve another\'s chat and a waiting one, an agent may not', async () => {
    const id = await waiting();
    await claimConversation(dbh.db, id, agent.userId);
    expect(await resolveByAgent(dbh.db, id, agent)).toEqual({ ok: true, status: 'resolved' });
    const r = await row(id);
    expect(r.status).toBe('resolved');
    expect(r.resolved).not.toBeNull();
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'resolved', agentId: agent.userId });

    const waitingId = await waiting();
    expect(await resolveByAgent(dbh.db, waitingId, agent)).toEqual({ ok: false, status: 'waiting_human' });
    expect(await resolveByAgent(dbh.db, waitingId, admin)).toEqual({ ok: true, status: 'resolved' });

    const owned = await waiting();
    await claimConversation(dbh.db, owned, other.userId);
    expect(await releaseToBot(dbh.db, owned, admin)).toEqual({ ok: true, status: 'bot' });
  });
});

describe('reassign (admin)', () => {
  it('moves a waiting or claimed chat to an active agent; refuses inactive or unknown agents and bot-owned chats', async () => {
    const id = await waiting();
    const r1 = await reassignConversation(dbh.db, id, other.userId);
    expect(r1).toEqual({ ok: true, status: 'human', agent: { id: other.userId, name: 'Second Agent' } });
    expect(await row(id)).toMatchObject({ status: 'human', assigned: other.userId, human: true, waiting: null });
    expect((await reassignConversation(dbh.db, id, agent.userId)).ok).toBe(true);
    expect((await row(id)).assigned).toBe(agent.userId);
    expect((await statusEvents(id)).at(-1)).toEqual({ status: 'human', agentId: agent.userId, reason: 'reassigned' });

    expect(await reassignConversation(dbh.db, id, inactiveId)).toEqual({ ok: false, status: null, agent: null });
    expect(await reassignConversation(dbh.db, id, randomUUID())).toEqual({ ok: false, status: null, agent: null });
    const bot = await createConversation(dbh.db, { siteKey: 'demo-site' });
    expect((await reassignConversation(dbh.db, bot.id, agent.userId)).ok).toBe(false);
    expect((await row(bot.id)).status).toBe('bot');
  });
});

describe('stamps', () => {
  it('the first human reply is stamped once', async () => {
    const id = await waiting();
    await claimConversation(dbh.db, id, agent.userId);
    await markFirstHumanReply(dbh.db, id);
    const first = (await row(id)).first;
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await markFirstHumanReply(dbh.db, id);
    expect((await row(id)).first).toEqual(first);
  });

  it('setStatus keeps the denormalised columns in step with the status', async () => {
    const conv = await createConversation(dbh.db, { siteKey: 'demo-site' });
    await setStatus(dbh.db, conv.id, 'waiting_human', { reason: 'timeout' });
    expect(await row(conv.id)).toMatchObject({ status: 'waiting_human', assigned: null, reason: 'timeout' });
    expect((await row(conv.id)).waiting).not.toBeNull();
    await setStatus(dbh.db, conv.id, 'human', { agentId: agent.userId });
    expect(await row(conv.id)).toMatchObject({ status: 'human', assigned: agent.userId, human: true, waiting: null });
    await setStatus(dbh.db, conv.id, 'resolved');
    expect((await row(conv.id)).resolved).not.toBeNull();
    await setStatus(dbh.db, conv.id, 'bot');
    expect(await row(conv.id)).toMatchObject({ status: 'bot', assigned: null });
    expect((await statusEvents(conv.id)).map((e) => e.status)).toEqual(['waiting_human', 'human', 'resolved', 'bot']);
  });
});
