import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { supportTickets } from '../schema/index';

export async function getTicketForCustomer(db: Db, customerId: string, ticketNumber: string) {
  const [row] = await db
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.customerId, customerId), eq(supportTickets.ticketNumber, ticketNumber.toUpperCase())));
  return row ?? null;
}

export async function createTicket(
  db: Db,
  t: { customerId?: string | null; conversationId?: string | null; subject: string; priority?: string },
) {
  // Ticket numbers continue the TK-1xxx series from the serial id; unique key guards races.
  const [row] = await db
    .insert(supportTickets)
    .values({
      ticketNumber: sql`'TK-' || (1000 + nextval(pg_get_serial_sequence('support_tickets', 'id')))`,
      customerId: t.customerId ?? null,
      conversationId: t.conversationId ?? null,
      subject: t.subject.slice(0, 200),
      status: 'open',
      priority: t.priority ?? 'normal',
    })
    .returning();
  return row!;
}
