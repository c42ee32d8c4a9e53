import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const consoleUsers = pgTable('console_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** agent | admin */
  role: text('role').notNull(),
  /** scrypt$N$r$p$salt$hash (see packages/db/src/password.ts) */
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
