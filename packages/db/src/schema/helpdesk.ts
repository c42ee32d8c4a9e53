import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SiteBranding, SiteHours } from '@em/contracts/site';
import { conversations, messages } from './conversations';

/**
 * Uploaded files (issue 20, DESIGN §10). The bytes live behind the storage port (disk or S3) under
 * `storage_key`; this row says who may attach and read them. An upload belongs to one conversation
 * from the start (the customer's session or the console route names it), and to one message once
 * sent: `message_id` is set when a message:send names it, and never again.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** customer | agent */
    uploaderKind: text('uploader_kind').notNull(),
    /** The console user's id for `agent`; the conversation's customer session for `customer`. */
    uploaderId: text('uploader_id').notNull(),
    name: text('name').notNull(),
    /** Decided from the content (magic bytes), never from the name or Content-Type. */
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId), index('attachments_conversation_idx').on(t.conversationId)],
);

/**
 * Mail sent on a conversation's behalf (ticket confirmation, an agent's reply while the customer is
 * away, the transcript). The row is written before the send is queued, so a failed or crashed send
 * is visible to agents and retried, never lost.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    /** ticket_confirmation | agent_reply | transcript */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** queued | sent | failed */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_conversation_idx').on(t.conversationId, t.createdAt), index('mail_outbox_status_idx').on(t.status)],
);

/**
 * A site's settings as edited on the admin page; they override the same fields of its SITES_JSON
 * entry (branding, hours). Secrets and allowed origins stay in the environment only.
 */
export const siteSettings = pgTable('site_settings', {
  siteKey: text('site_key').primaryKey(),
  branding: jsonb('branding').$type<SiteBranding>().notNull().default({}),
  hours: jsonb('hours').$type<SiteHours>().notNull().default({}),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
