import { boolean, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';

export const supportTickets = pgTable(
  'support_tickets',
  {
    id: serial('id').primaryKey(),
    ticketNumber: text('ticket_number').notNull().unique(),
    customerId: uuid('customer_id').references(() => customers.id),
    conversationId: uuid('conversation_id'),
    subject: text('subject').notNull(),
    /** open | pending | resolved | closed */
    status: text('status').notNull(),
    priority: text('priority').notNull().default('normal'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tickets_customer_idx').on(t.customerId),
    // A conversation's tickets: the open handoff ticket test under the row lock and in the console's
    // queue runs per conversation; without it each was a scan of every ticket (issue 18).
    index('tickets_conversation_idx').on(t.conversationId, t.status),
  ],
);

export const promotions = pgTable('promotions', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  description: text('description').notNull(),
  discountPercent: integer('discount_percent').notNull(),
  active: boolean('active').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  conditions: text('conditions').notNull().default(''),
});
