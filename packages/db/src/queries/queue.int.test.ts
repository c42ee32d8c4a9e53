// The console queue and claims around handoff tickets (DESIGN §5), against a real, migrated
// Postgres: a ticket opened because nobody was online keeps the conversation in the queue while
// the AI serves it; a ticket the AI's support agent opened does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '../client';
import { runMigrations } from '../migrate';
import { consoleUsers } from '../schema/index';
import { createDatabase, dropDatabase } from '../testing';
import { createConversation, recordEvent } from './conversations';
import { claimConversation, listQueue, markWaitingHuman, releaseToBot, resolveByAgent, returnToBotWithTicket } from './queue';
import { createTicket } from './tickets';

const dbName = uniqueName('queue_tickets');
let dbh: DbHandle;
let agentId: string;

beforeAll(async () => {
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 4 });
  await runMigrations(dbh.db);
  const [u] = await dbh.db.insert(consoleUsers).values({ email: 'a@test', name: 'Ann', role: 'agent', passwordHash: 'x' }).returning();
  agentId = u!.id;
});
afterAll(async () => {
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

async function waiting(priority: number) {
  const conv = await createConversation(dbh.db, { siteKey: 'demo-site' });
  expect(await markWaitingHuman(dbh.db, conv.id, { reason: 'customer_request', priority })).toBe(true);
  return conv.id;
}
/** What handToHumans does when nobody is online: ticket + ticket_created event, then back to the AI. */
async function ticketed(priority: number) {
  const id = await waiting(priority);
  const t = await createTicket(dbh.db, { conversationId: id, subject: 'Chat handoff (customer request): test' });
  await recordEvent(dbh.db, id, 'ticket_created', { ticketNumber: t.ticketNumber, reason: 'customer_request' });
  expect(await returnToBotWithTicket(dbh.db, id, t.ticketNumber)).toEqual({ ok: true, status: 'bot' });
  return { id, ticketNumber: t.ticketNumber };
}
const ticketStatus = async (n: string) =>
  (await dbh.sql<{ status: string }[]>`select status from support_tickets where ticket_number = ${n}`)[0]!.status;

describe('queue with handoff tickets', () => {
  it('lists live waits first, then AI-served chats with an open handoff ticket; not AI-opened tickets nor plain bot chats', async () => {
    const ticket = await ticketed(60);
    const live = await waiting(20);
    const aiTicket = (await createConversation(dbh.db, { siteKey: 'demo-site' })).id;
    await createTicket(dbh.db, { conversationId: aiTicket, subject: 'Broken screen' }); // the support agent's tool, no ticket_created
    const queue = (await listQueue(dbh.db)).filter((q) => [ticket.id, live, aiTicket].includes(q.conversationId));
    expect(queue.map((q) => [q.conversationId, q.status, q.ticketNumber])).toEqual([
      [live, 'waiting_human', undefined],
      [ticket.id, 'bot', ticket.ticketNumber],
    ]);
    expect(await claimConversation(dbh.db, aiTicket, agentId)).toEqual({ ok: false, status: 'bot' });
  });

  it('a claim takes the ticket (pending): a hand-back does not queue it again; resolving resolves the ticket', async () => {
    const { id, ticketNumber } = await ticketed(30);
    expect(await claimConversation(dbh.db, id, agentId)).toEqual({ ok: true, status: 'human' });
    expect(await ticketStatus(ticketNumber)).toBe('pending');
    expect(await claimConversation(dbh.db, id, agentId)).toEqual({ ok: false, status: 'human' });
    expect(await releaseToBot(dbh.db, id, { userId: agentId, role: 'agent' })).toEqual({ ok: true, status: 'bot' });
    expect((await listQueue(dbh.db)).some((q) => q.conversationId === id)).toBe(false);
    expect(await claimConversation(dbh.db, id, agentId)).toEqual({ ok: false, status: 'bot' });

    const other = await ticketed(30);
    await claimConversation(dbh.db, other.id, agentId);
    expect(await resolveByAgent(dbh.db, other.id, { userId: agentId, role: 'agent' })).toEqual({ ok: true, status: 'resolved' });
    expect(await ticketStatus(other.ticketNumber)).toBe('resolved');
  });

  it('back to the AI only while still waiting: an agent who claimed first keeps the chat', async () => {
    const id = await waiting(20);
    await claimConversation(dbh.db, id, agentId);
    expect(await returnToBotWithTicket(dbh.db, id, 'TK-0')).toEqual({ ok: false, status: 'human' });
  });
});
