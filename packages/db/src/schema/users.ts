import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const consoleUsers = pgTable('console_users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** agent | admin */
  role: text('role').notNull(),
  /** scrypt$N$r$p$salt$hash (see packages/db/src/password.ts) */
  passwordHash: text('password_hash').notNull(),
  /** Admins deactivate rather than delete, so past claims and notes keep their author. */
  active: boolean('active').notNull().default(true),
  /**
   * Stamped into every console token and compared on each use: raising it (logout, password, role
   * or active change) revokes every token issued before, before their 12 h expiry (issue 15, #7).
   */
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Canned responses, inserted in the console with a `/shortcut`. */
export const cannedResponses = pgTable('canned_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  shortcut: text('shortcut').notNull().unique(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
