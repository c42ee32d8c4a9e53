import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ConversationStatus, MessageMeta } from '@em/contracts/schemas';
import { customers } from './customers';
import { consoleUsers } from './users';

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    siteKey: text('site_key').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    /** bot | waiting_human | human | resolved (DESIGN §5) */
    status: text('status').$type<ConversationStatus>().notNull().default('bot'),
    /** Last assigned message seq; bumped under the row lock so seq is gap-free per conversation. */
    lastSeq: integer('last_seq').notNull().default(0),
    assignedAgentId: uuid('assigned_agent_id').references(() => consoleUsers.id),
    escalationReason: text('escalation_reason'),
    priority: integer('priority').notNull().default(0),
    // Denormalised from conversation_events so the console queue and the dashboard summary
    // are indexed scans over conversations (100k rows < 300 ms), not event replays.
    /** Set when the conversation enters waiting_human; cleared once claimed or handed back to the AI. */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    firstHumanReplyAt: timestamp('first_human_reply_at', { withTimezone: true }),
    /** True once a human claimed it: the AI-only vs human-handled split for containment and CSAT. */
    handledByHuman: boolean('handled_by_human').notNull().default(false),
    csatScore: integer('csat_score'),
    csatComment: text('csat_comment'),
    /**
     * Where follow-up mail goes (issue 20): a verified customer's email, or the one a guest gave when
     * asked (a ticket while nobody answers). Null: no mail can reach them.
     */
    contactEmail: text('contact_email'),
    /** Set when the chat asked a guest for an email and is waiting for it; cleared once given. */
    emailRequestedAt: timestamp('email_requested_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('conversations_status_idx').on(t.status, t.updatedAt),
    index('conversations_created_idx').on(t.createdAt),
    index('conversations_agent_idx').on(t.assignedAgentId, t.status),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    role: text('role').notNull(),
    agent: text('agent'),
    authorName: text('author_name'),
    text: text('text').notNull(),
    clientMessageId: text('client_message_id'),
    /** On a bot reply: the customer message it answers. Unique, so a retried job can't reply twice. */
    replyTo: uuid('reply_to'),
    route: jsonb('route').$type<MessageMeta['route']>(),
    sentiment: jsonb('sentiment').$type<MessageMeta['sentiment']>(),
    sources: jsonb('sources').$type<string[]>(),
    /** On a customer message: the language the AI read it in (ISO 639-1: en, de, es, fr), set with its reply. */
    language: text('language'),
    /** Timings (ms) and other per-turn details shown in the console. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_uq').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id_uq').on(t.conversationId, t.clientMessageId),
    uniqueIndex('messages_reply_to_uq').on(t.replyTo).where(sql`${t.replyTo} is not null`),
    index('messages_created_idx').on(t.createdAt),
  ],
);

/** Append-only log of status changes, handoffs, escalations and ratings; the analytics source. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Typed copies of the @em/contracts/analytics keys the dashboard aggregates (stored generated
    // columns: writers keep writing `data` only). With the partial indexes below the summary reads
    // 100k conversations' turns by index-only scans instead of parsing jsonb per row (< 300 ms).
    status: text('status').generatedAlwaysAs(sql`data->>'status'`),
    domain: text('domain').generatedAlwaysAs(sql`data->>'domain'`),
    agent: text('agent').generatedAlwaysAs(sql`data->>'agent'`),
    sentiment: text('sentiment').generatedAlwaysAs(sql`data->>'sentiment'`),
    /** 'offline' when the writer did not say (the offline model is the default provider). */
    provider: text('provider').generatedAlwaysAs(sql`coalesce(data->>'provider', 'offline')`),
    confidence: doublePrecision('confidence').generatedAlwaysAs(jsonNumber('confidence')),
    clarifying: boolean('clarifying').generatedAlwaysAs(sql`coalesce(data->'clarifying' = 'true'::jsonb, false)`),
    fallback: boolean('fallback').generatedAlwaysAs(sql`coalesce(data->'fallback' = 'true'::jsonb, false)`),
    /** Processing time of an ai_reply, ms. */
    ms: doublePrecision('ms').generatedAlwaysAs(jsonNumber('ms')),
    promptTokens: doublePrecision('prompt_tokens').generatedAlwaysAs(jsonNumber('tokens', 'prompt')),
    completionTokens: doublePrecision('completion_tokens').generatedAlwaysAs(jsonNumber('tokens', 'completion')),
    costUsd: doublePrecision('cost_usd').generatedAlwaysAs(jsonNumber('costUsd')),
  },
  (t) => [
    index('events_conversation_idx').on(t.conversationId),
    index('events_type_time_idx').on(t.type, t.createdAt),
    // A conversation's status changes and handoff tickets, newest first: the console queue's row
    // (the escalation detail, the open handoff ticket) and the ticket test under the row lock. Partial,
    // so the AI's per-message events never write to it (issue 18).
    index('events_conv_handoff_idx')
      .on(t.conversationId, t.type, t.id)
      .where(sql`type in ('status_changed', 'ticket_created')`),
    // Dashboard: AI turns by time, covering every aggregated column (index-only scans).
    index('events_ai_reply_time_idx')
      .on(t.createdAt, t.conversationId, t.domain, t.agent, t.provider, t.sentiment, t.confidence, t.clarifying, t.fallback, t.ms, t.promptTokens, t.completionTokens, t.costUsd)
      .where(sql`type = 'ai_reply'`),
    // Dashboard: the last AI turn before an escalation (specialist and sentiment), per conversation.
    index('events_ai_reply_conv_idx').on(t.conversationId, t.id, t.agent, t.sentiment).where(sql`type = 'ai_reply'`),
    // Dashboard: escalations and claims by time (first response, handoff breakdowns).
    index('events_status_time_idx').on(t.status, t.createdAt, t.conversationId, t.id).where(sql`type = 'status_changed'`),
  ],
);

/** A numeric key of `data` (optionally nested) as float8; null when absent or not a number (never an insert error). */
function jsonNumber(...path: string[]) {
  const ref = sql.raw(`data${path.map((k) => `->'${k}'`).join('')}`);
  return sql`case when jsonb_typeof(${ref}) = 'number' then (${ref})::float8 end`;
}

/** Private notes agents leave on a conversation; never sent to the customer. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => consoleUsers.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notes_conversation_idx').on(t.conversationId, t.createdAt)],
);
