// Plays cases over /chat on a running platform (--url). Facts are resolved against that platform's
// database (--db URL or DATABASE_URL); without one, against a throwaway seeded copy (the seed is
// deterministic up to dates relative to today), and ticket numbers can then only be format-checked.
import { z } from 'zod';
import { DEV_SECRET } from '@em/config/env';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { CUSTOMERS as SEEDED, DEMO_SITE_KEY } from '@em/db/seed/fixtures';
import { migrateAndSeed } from '../database';
import { parseEnv } from '../env';
import { CUSTOMERS, type Case } from './case-schema';
import type { Observation } from './check';
import { AGENTS_SRC } from './graph';
import type { Player } from './player';
import { connectChat } from './socket-client';
import { loadWorld } from './world';

const Env = z.object({
  // The gateway's default in development (apps/gateway/src/env.ts); set it for any other deployment.
  SITE_IDENTITY_SECRET: z.string().min(8).default(DEV_SECRET),
  SITE_KEY: z.string().min(1).default(DEMO_SITE_KEY),
  DATABASE_URL: z.string().url().optional(),
});

// The gateway accepts 60 new /chat connections per IP per minute: one per 1.1 s stays under it.
const CONNECT_GAP_MS = 1100;
// 10 messages per 10 s per socket: the settle time after each answer keeps a case at ≤ 1 msg/s.
const SETTLE_MS = 1100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSocketPlayer(opts: { url: string; databaseUrl?: string; concurrency?: number }): Promise<Player> {
  const env = parseEnv(Env);
  let dbh: DbHandle;
  let scratch: string | null = null;
  const dbUrl = opts.databaseUrl ?? env.DATABASE_URL;
  if (dbUrl) dbh = createDb(dbUrl, { max: 2 });
  else {
    scratch = uniqueName('eval_facts');
    const url = await createDatabase(TEST_PG_ADMIN_URL, scratch);
    await migrateAndSeed(url);
    dbh = createDb(url, { max: 2 });
    console.error('eval:conversations: no --db/DATABASE_URL; facts come from a fresh seed and ticket numbers are not looked up');
  }
  const world = await loadWorld(dbh.sql, { agentsSrc: AGENTS_SRC });
  if (scratch) world.ticketExists = async (n) => /^TK-\d+$/i.test(n);

  let nextConnect = 0;
  async function connectSlot() {
    const wait = nextConnect - Date.now();
    nextConnect = Math.max(Date.now(), nextConnect) + CONNECT_GAP_MS;
    if (wait > 0) await sleep(wait);
  }

  async function play(c: Case): Promise<Observation[]> {
    await connectSlot();
    const email = c.customer === 'guest' ? undefined : CUSTOMERS[c.customer];
    const name = SEEDED.find((s) => s.email === email)?.name;
    let chat;
    try {
      chat = await connectChat({
        url: opts.url,
        siteKey: env.SITE_KEY,
        identity: email ? { email, name, secret: env.SITE_IDENTITY_SECRET } : undefined,
        replyTimeoutMs: 20_000,
        settleMs: SETTLE_MS,
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return c.turns.map(() => ({ text: '', replied: false, escalated: false, latencyMs: 0, error }));
    }
    try {
      const out: Observation[] = [];
      for (const t of c.turns) out.push(await chat.say(t.say));
      return out;
    } finally {
      chat.close();
    }
  }

  return {
    world,
    mode: 'socket',
    concurrency: opts.concurrency ?? 4,
    play,
    async close() {
      await dbh.close();
      if (scratch) await dropDatabase(TEST_PG_ADMIN_URL, scratch);
    },
  };
}
