// pnpm db:migrate / pnpm seed — apply drizzle-kit migrations and the idempotent seed to DATABASE_URL.
import { migrateAndSeed } from './lib/database';
import { scriptEnv } from './lib/env';

const url = scriptEnv.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (pnpm start embeds a database when it is unset).');
  process.exit(2);
}
const r = await migrateAndSeed(url);
console.log(`migrated; seed ${r.created ? 'created' : 'already present'}`);
