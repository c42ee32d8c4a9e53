import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export const pingDb = (db: Db) => db.execute(sql`select 1`);
