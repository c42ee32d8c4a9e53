// The open handoff ticket test under the conversation's row lock (lockConversation.openTicket, issue 18:
// a correlated exists on the conversation's own tickets instead of the list of every open one). It
// decides whether an agent may claim a chat the AI serves meanwhile (machine.ts), so it must see only
// this conversation's open ticket, and only one the handoff opened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import type { DbHandle } from '../client';
import { migratedTestDb } from '../testing';
import { createConversation, lockConversation, recordEvent } from './conversations';
import { createTicket } from './tickets';
import { findOpenHandoffTicket, moveHandoffTickets } from './handoff-tickets';

let dbh: DbHandle;
let dispose: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dbh, dispose } = await migratedTestDb(TEST_PG_ADMIN_URL, uniqueName('handoff_tickets'), { max: 2 }));
});
afterAll(() => dispose());

const openTicket = (id: string) => dbh.db.transaction(async (tx) => (await lockConversation(tx, id))?.openTicket);
const handoffTicket = async (conversationId: string) => {
  const t = await createTicket(dbh.db, { customerId: null, conversationId, subject: 'Chat handoff', priority: 'normal' });
  await recordEvent(dbh.db, conversationId, 'ticket_created', { ticketNumber: t.ticketNumber, reason: 'customer_request' });
  return t;
};

describe('lockConversation.openTicket', () => {
  it("is true only for the conversation's own open handoff ticket (the one findOpenHandoffTicket names)", async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createConversation(dbh.db, { siteKey: 'demo-site' })));
    const t = await handoffTicket(a!.id);
    // A ticket the support agent opened for the customer (no ticket_created event) is not a handoff's.
    await createTicket(dbh.db, { customerId: null, conversationId: c!.id, subject: 'Broken screen', priority: 'normal' });
    expect(await openTicket(a!.id)).toBe(true);
    expect(await openTicket(b!.id)).toBe(false);
    expect(await openTicket(c!.id)).toBe(false);
    expect(await findOpenHandoffTicket(dbh.db, a!.id)).toBe(t.ticketNumber);
    expect(await findOpenHandoffTicket(dbh.db, c!.id)).toBeNull();
  });

  it('is false once the handoff ticket is claimed (pending) or resolved', async () => {
    const a = await createConversation(dbh.db, { siteKey: 'demo-site' });
    await handoffTicket(a.id);
    await moveHandoffTickets(dbh.db, a.id, ['open'], 'pending');
    expect(await openTicket(a.id)).toBe(false);
  });
});
