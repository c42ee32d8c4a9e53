// Issue 21: conversations by language on the dashboard, on the hand-computed fixture (./fixture.ts):
// a conversation counts under the language of its customer's first message the AI could tell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { analyticsSummary } from '@em/db/queries/analytics';
import { createDatabase, dropDatabase, migrateAndSeed } from '../../scripts/lib/database';
import { insertFixture, NOW, RANGE } from './fixture';

const dbName = uniqueName('analytics_lang');
let h: DbHandle;
let f: Awaited<ReturnType<typeof insertFixture>>;

beforeAll(async () => {
  const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(url);
  h = createDb(url, { max: 4 });
  f = await insertFixture(h.db);
});
afterAll(async () => {
  await h?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

/** Sets the language of the n-th customer message of a fixture conversation (0 = first). */
async function setLanguage(conversationId: string, nth: number, language: string | null) {
  await h.sql`update messages set language = ${language} where id = (
    select id from messages where conversation_id = ${conversationId} and role = 'customer' order by seq offset ${nth} limit 1)`;
}

describe('conversations by language', () => {
  it('counts each conversation once, under its first detected language; the rest as unknown', async () => {
    await setLanguage(f.ids[0]!, 0, 'de');
    await setLanguage(f.ids[1]!, 0, 'fr');
    // Its first message was too short to tell; the second one says Spanish.
    await setLanguage(f.ids[1]!, 0, null);
    await setLanguage(f.ids[1]!, 1, 'es');
    await setLanguage(f.ids[2]!, 0, 'de');
    const s = await analyticsSummary(h.db, RANGE, NOW);
    expect(s.volume.byLanguage).toEqual([
      { language: 'unknown', conversations: 4 },
      { language: 'de', conversations: 2 },
      { language: 'es', conversations: 1 },
    ]);
    expect(s.volume.byLanguage.reduce((n, l) => n + l.conversations, 0)).toBe(s.volume.conversations);
  });
});
