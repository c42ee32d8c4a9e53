// The worker's reads of messages (issue 16, the `worker` group's survivors): the language a failed
// turn's apology is written in, and what a retry after a crash reads back from the reply it stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import type { DbHandle } from '../client';
import { migratedTestDb } from '../testing';
import { appendMessage, createConversation } from './conversations';
import { conversationLanguage, getMessageDetails, lastStatusChangeAt } from './messages';

let dbh: DbHandle;
let dispose: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ dbh, dispose } = await migratedTestDb(TEST_PG_ADMIN_URL, uniqueName('msgreads'), { max: 2 }));
});
afterAll(() => dispose());

const say = async (conversationId: string, role: 'customer' | 'bot', text: string, language?: string) => {
  const m = (await appendMessage(dbh.db, { conversationId, role, text }))!;
  if (language) await dbh.sql`update messages set language = ${language} where id = ${m.id}`;
  return m;
};

describe('conversationLanguage', () => {
  it("is the language of the customer's latest message the AI has read; other roles and unread messages don't count", async () => {
    const c = await createConversation(dbh.db, { siteKey: 'demo-site' });
    expect(await conversationLanguage(dbh.db, c.id)).toBeNull();
    await say(c.id, 'customer', 'Hallo', 'de');
    await say(c.id, 'customer', 'Bonjour', 'fr');
    // A later row of another role with a language, and a customer message not read yet: both ignored.
    await say(c.id, 'bot', 'Hola', 'es');
    await say(c.id, 'customer', 'ok');
    expect(await conversationLanguage(dbh.db, c.id)).toBe('fr');
  });
});

describe('what a retry reads back', () => {
  it("a reply's stored details, or null for an unknown message", async () => {
    const c = await createConversation(dbh.db, { siteKey: 'demo-site' });
    const m = (await appendMessage(dbh.db, { conversationId: c.id, role: 'bot', text: 'hi', details: { escalation: { reason: 'timeout' } } }))!;
    expect(await getMessageDetails(dbh.db, m.id)).toEqual({ escalation: { reason: 'timeout' } });
    expect(await getMessageDetails(dbh.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it("the time of the conversation's latest ownership change, or null", async () => {
    const c = await createConversation(dbh.db, { siteKey: 'demo-site' });
    expect(await lastStatusChangeAt(dbh.db, c.id)).toBeNull();
    await dbh.sql`insert into conversation_events (conversation_id, type, data, created_at) values
      (${c.id}, 'status_changed', '{}'::jsonb, now() - interval '2 minutes'),
      (${c.id}, 'status_changed', '{}'::jsonb, now() - interval '1 minute'),
      (${c.id}, 'ai_reply', '{}'::jsonb, now())`;
    const at = await lastStatusChangeAt(dbh.db, c.id);
    expect(Date.now() - at!.getTime()).toBeGreaterThan(50_000);
    expect(Date.now() - at!.getTime()).toBeLessThan(70_000);
  });
});
