// Shared setup of the conversation core's integration tests: a private database, real Redis presence
// under a unique key prefix, and an announcer whose channels record what browsers would be sent.
import { AppError } from '@em/contracts/errors';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { runMigrations } from '@em/db/migrate';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { createAnnouncer, type AnnounceChannels } from '../announcer';
import { createPresence } from '../presence';
import { createConversationService } from '../service';

export interface Sent {
  nsp: '/chat' | '/agents';
  room: string;
  event: string;
  payload: unknown;
}

/** Channels that keep every emit, in order: what the customer's tabs and the consoles would receive. */
function recordingChannels(sent: Sent[]): AnnounceChannels {
  const channel = (nsp: Sent['nsp']) => ({
    to: (room: string) => ({
      emit: (event: string, ...args: unknown[]) => {
        sent.push({ nsp, room, event, payload: args[0] });
        return true;
      },
    }),
  });
  return { chat: channel('/chat'), agents: channel('/agents') };
}

export async function startCore(name: string) {
  const dbName = uniqueName(name);
  const dbh: DbHandle = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 6 });
  await runMigrations(dbh.db);
  const redis = createRedis(TEST_REDIS_URL);
  const keys = redisKeys(dbName);
  const presence = createPresence(redis, keys);
  const sent: Sent[] = [];
  const announce = createAnnouncer(recordingChannels(sent));
  const service = createConversationService({ db: dbh.db, presence, announce });
  return {
    dbh,
    presence,
    sent,
    service,
    async stop() {
      const leftover = await redis.keys(keys.pattern);
      if (leftover.length) await redis.del(...leftover);
      redis.disconnect();
      await dbh.close();
      await dropDatabase(TEST_PG_ADMIN_URL, dbName);
    },
  };
}
export type Core = Awaited<ReturnType<typeof startCore>>;

/** The error code a use case refused with (or 'ok'). */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}
