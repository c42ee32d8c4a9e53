import { inArray } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../client';
import { hashPassword } from '../password';
import { consoleUsers, conversationEvents, conversations, messages } from '../schema/index';
import { DEMO_SITE_KEY } from './fixtures';
import { rng, simulate, startTime, type ConvRow, type EventRow, type MsgRow } from './history-sim';
import { HISTORY_AGENTS } from './history-text';

export interface SeedHistoryOptions {
  /** How far back the history reaches (days before `now`). */
  days: number;
  /** Conversations to write; default ≈ 320 a day. */
  conversations?: number;
  now?: Date;
  /** PRNG seed: the same value writes the same shape of month. */
  seed?: number;
  onProgress?: (written: number, total: number) => void;
  /**
   * false: everything settles before `now` (starts end an hour earlier, no live tail), so nothing
   * joins the console's queue: for a database other tests share (the e2e platform).
   */
  live?: boolean;
}

// Postgres caps a statement at 65,535 parameters; messages have 13 columns → ≤ 5,000 rows per INSERT.
const ROWS_PER_INSERT = 2_000;
/** Extra conversations started in the last 12 minutes that escalate (the live panel's queue). */
const LIVE_TAIL = 8;
/** Conversations simulated before a flush (bounds memory for the 100k benchmark run). */
const CONVERSATIONS_PER_FLUSH = 2_000;

/**
 * Writes a realistic history (conversations, messages, conversation_events in the
 * @em/contracts/analytics shapes) so the dashboard has data at once. Idempotent only in the
 * sense that it adds more: run it on a fresh database for clean numbers.
 */
export async function seedHistory(db: Db, opts: SeedHistoryOptions) {
  const now = (opts.now ?? new Date()).getTime();
  const total = opts.conversations ?? Math.round(opts.days * 320);
  // `total` counts the month; the live tail adds LIVE_TAIL more (reported in the counts).
  const r = rng(opts.seed ?? 42);
  const agentIds = await ensureAgents(db);
  const ctx = { r, now, siteKey: DEMO_SITE_KEY, agentIds };
  const counts = { conversations: 0, messages: 0, events: 0 };
  let batch: { convs: ConvRow[]; msgs: MsgRow[]; events: EventRow[] } = { convs: [], msgs: [], events: [] };
  const flush = async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < batch.convs.length; i += ROWS_PER_INSERT) await tx.insert(conversations).values(batch.convs.slice(i, i + ROWS_PER_INSERT));
      for (let i = 0; i < batch.msgs.length; i += ROWS_PER_INSERT) await tx.insert(messages).values(batch.msgs.slice(i, i + ROWS_PER_INSERT));
      // Chronological order within a conversation, so event ids follow time as they do live.
      for (let i = 0; i < batch.events.length; i += ROWS_PER_INSERT * 3)
        await tx.insert(conversationEvents).values(batch.events.slice(i, i + ROWS_PER_INSERT * 3));
    });
    counts.conversations += batch.convs.length;
    counts.messages += batch.msgs.length;
    counts.events += batch.events.length;
    opts.onProgress?.(counts.conversations, total);
    batch = { convs: [], msgs: [], events: [] };
  };
  const live = opts.live ?? true;
  // A conversation lives well under an hour (waits and replies are minutes), ms.
  const settle = live ? 0 : 3_600_000;
  for (let i = 0; i < total; i++) {
    const { conv, msgs, events } = simulate(ctx, startTime(r, now - settle, opts.days));
    batch.convs.push(conv);
    batch.msgs.push(...msgs);
    batch.events.push(...events);
    if (batch.convs.length >= CONVERSATIONS_PER_FLUSH) await flush();
  }
  // A live tail: customers who asked for a person in the last minutes, so the live panel shows a
  // queue, a longest wait and conversations being handled (some already claimed, some waiting).
  for (let i = 0; live && i < LIVE_TAIL; i++) {
    const { conv, msgs, events } = simulate(ctx, now - (1 + r.next() * 11) * 60_000, { escalate: true });
    batch.convs.push(conv);
    batch.msgs.push(...msgs);
    batch.events.push(...events);
  }
  if (batch.convs.length) await flush();
  return counts;
}

/** The seeded agent plus a small team; returns the ids conversations get assigned to. */
async function ensureAgents(db: Db): Promise<string[]> {
  // Random password: these demo teammates exist for the per-agent report, not for logging in.
  const passwordHash = await hashPassword(randomBytes(24).toString('base64'));
  await db
    .insert(consoleUsers)
    .values(HISTORY_AGENTS.map((a) => ({ email: a.email, name: a.name, role: 'agent', passwordHash })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: consoleUsers.id })
    .from(consoleUsers)
    .where(inArray(consoleUsers.email, ['agent@electromart.test', ...HISTORY_AGENTS.map((a) => a.email)]));
  return rows.map((x) => x.id);
}
