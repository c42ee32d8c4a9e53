// pnpm seed:history -- --days 30 [--conversations N] [--seed 42]
// Writes a realistic month of support history into DATABASE_URL (migrated first), so the
// analytics dashboard has data at once. Run it against a fresh database for clean numbers.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { z } from 'zod';
import { createDb } from '@em/db/client';
import { runMigrations } from '@em/db/migrate';
import { seed } from '@em/db/seed';
import { seedHistory } from '@em/db/seed/history';
import { repoRoot } from './lib/services';
import { scriptEnv } from './lib/env';

const Args = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
  conversations: z.coerce.number().int().min(1).max(2_000_000).optional(),
  seed: z.coerce.number().int().default(42),
});

const { values } = parseArgs({
  // pnpm forwards the `--` separator itself; drop it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { days: { type: 'string' }, conversations: { type: 'string' }, seed: { type: 'string' } },
});
const parsed = Args.safeParse(values);
if (!parsed.success) {
  console.error(`usage: pnpm seed:history -- --days 30 [--conversations N] [--seed 42]\n${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const url = scriptEnv.DATABASE_URL;
if (!url) {
  console.error(
    [
      'DATABASE_URL is required.',
      'With `pnpm start` running on the embedded database, use the port it printed ("embedded PGlite … on 127.0.0.1:PORT"):',
      '  DATABASE_URL=postgres://postgres:postgres@127.0.0.1:54329/postgres pnpm seed:history -- --days 30',
      'With your own Postgres: DATABASE_URL=postgres://user@host:5432/db pnpm seed:history -- --days 30',
    ].join('\n'),
  );
  process.exit(2);
}

const h = createDb(url, { max: 2 });
try {
  await runMigrations(h.db, path.join(repoRoot, 'packages/db/drizzle'));
  await seed(h.db);
  const t0 = performance.now();
  const counts = await seedHistory(h.db, {
    days: parsed.data.days,
    conversations: parsed.data.conversations,
    seed: parsed.data.seed,
    onProgress: (n, total) => process.stdout.write(`\r${n}/${total} conversations`),
  });
  // Fresh statistics and visibility map now rather than at autovacuum's leisure, so the planner
  // sees the new rows and the dashboard's index-only scans need no heap fetches.
  await h.sql`vacuum analyze conversations, messages, conversation_events`;
  console.log(
    `\nseeded ${counts.conversations} conversations, ${counts.messages} messages, ${counts.events} events over ${parsed.data.days} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
} finally {
  await h.close();
}
