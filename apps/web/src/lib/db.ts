import 'server-only';
import { createDb, type DbHandle } from '@em/db/client';

/**
 * One small pool per web process, created on first use. Kept on globalThis so `next dev` reloads
 * do not leak a pool per edit.
 */
const holder = globalThis as typeof globalThis & { __emWebDb?: { url: string; handle: DbHandle } };

export function getDb(url: string): DbHandle['db'] {
  if (holder.__emWebDb?.url !== url) {
    holder.__emWebDb = { url, handle: createDb(url, { max: 4 }) };
  }
  return holder.__emWebDb.handle.db;
}
