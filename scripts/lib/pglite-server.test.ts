import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { servePglite } from './pglite-server';
import { freePort } from './services';

let db: PGlite;
let stop: () => Promise<void>;
let url: string;
beforeAll(async () => {
  db = await PGlite.create();
  const port = await freePort();
  stop = (await servePglite(db, port)).stop;
  url = `postgres://postgres@127.0.0.1:${port}/postgres`;
});
afterAll(async () => {
  await stop();
  await db.close();
});

it('keeps parameterised queries and transactions of several connections apart', async () => {
  const a = postgres(url, { max: 4, onnotice: () => {} });
  const b = postgres(url, { max: 4, onnotice: () => {} });
  await a`create table t (id serial primary key, who text not null, n int not null)`;
  // Interleave many extended-protocol queries with different parameter counts from two clients.
  await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? a.begin(async (tx) => {
            await tx`insert into t (who, n) values (${'a'}, ${i})`;
            await tx`select ${1}::int, ${2}::int, ${3}::int`;
          })
        : b`insert into t (who, n) values (${'b'}, ${i})`,
    ),
  );
  const rows = await b`select who, count(*)::int as c from t group by who order by who`;
  expect(rows.map((r) => [r.who, r.c])).toEqual([
    ['a', 20],
    ['b', 20],
  ]);
  await a.end();
  await b.end();
});
