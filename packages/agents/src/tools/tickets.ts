import { z } from 'zod';
import { getTicketForCustomer } from '@em/db/queries/tickets';
import { openTicketOnce } from '../specialists/open-ticket';
import { defineTool } from './types';

export const TicketNumber = z.string().regex(/^TK-\d{4,}$/i).transform((s) => s.toUpperCase());

export const ticketStatus = defineTool({
  name: 'ticket_status',
  description: "Status and priority of one of the signed-in customer's support tickets.",
  input: z.object({ ticketNumber: TicketNumber }),
  async run({ db }, scope, { ticketNumber }) {
    if (!scope.customerId) return null;
    return getTicketForCustomer(db, scope.customerId, ticketNumber);
  },
});

/**
 * Opens a support ticket. A verified customer's ticket goes on their account; a guest's belongs to
 * this conversation only (a proven order never makes a guest the account holder).
 */
export const ticketOpen = defineTool({
  name: 'ticket_open',
  description: 'Opens a support ticket describing the problem, so the team follows up.',
  input: z.object({ subject: z.string().min(3).max(200), priority: z.enum(['normal', 'high']).default('normal') }),
  async run({ db, now }, scope, { subject, priority }) {
    if (!scope.customerId && !scope.conversationId) return null;
    return openTicketOnce(db, { customerId: scope.customerId ?? null, conversationId: scope.conversationId, subject, priority }, now?.());
  },
});
