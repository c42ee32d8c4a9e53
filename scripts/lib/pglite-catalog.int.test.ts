// The embedded database (DATABASE_URL unset) must run every migration, including catalog search's
// pg_trgm extension, tsvector column and trigram indexes: a fresh in-memory PGlite created exactly as
// ensurePostgres creates it, served over the wire protocol, migrated and seeded like at start.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@em/db/client';
import { resolveProductNames, searchCatalog } from '@em/db/queries/catalog-search';
import { migrateAndSeed } from './database';
import { servePglite } from './pglite-server';
import { freePort, openPglite } from './services';

let pg: PGlite;
let stop: () => Promise<void>;
let url: string;
let dbh: DbHandle;

beforeAll(async () => {
  pg = await openPglite();
  const port = await freePort();
  stop = (await servePglite(pg, port)).stop;
  url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  expect(await migrateAndSeed(url)).toMatchObject({ created: true });
  dbh = createDb(url, { max: 2 });
});
afterAll(async () => {
  await dbh?.close();
  await stop?.();
  await pg?.close();
});

it('applies the catalog search migration (pg_trgm, search_tsv) and seeds its data', async () => {
  const [ext] = await dbh.sql<{ n: number }[]>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`;
  expect(ext!.n).toBe(1);
  const [col] = await dbh.sql<{ n: number }[]>`select count(*)::int as n from products where search_tsv @@ to_tsquery('english', 'drone')`;
  expect(col!.n).toBe(1);
  const [terms] = await dbh.sql<{ n: number }[]>`select count(*)::int as n from catalog_terms`;
  expect(terms!.n).toBeGreaterThan(100);
});

it('searches with filters, full text and trigram typos as on Postgres', async () => {
  expect((await searchCatalog(dbh.db, { category: 'tvs', filters: { resolution: '4k' }, sort: 'price_asc', limit: 1 }))[0]?.name).toBe('Halden Arena 50');
  expect((await searchCatalog(dbh.db, { text: 'e-readers' }))[0]?.name).toBe('Aurelia ReadPad E-Reader');
  const typo = await searchCatalog(dbh.db, { text: 'hedphones' });
  expect(typo.length).toBeGreaterThan(0);
  expect(typo.every((p) => ['headphones', 'earbuds', 'headset'].includes(p.kind!))).toBe(true);
  expect((await resolveProductNames(dbh.db, 'tell me about the skylark')).map((m) => m.name)).toEqual(['Kestrel SkyLark Drone']);
});

it('re-running migrations and seed at the next start is a no-op', async () => {
  expect(await migrateAndSeed(url)).toMatchObject({ created: false });
});
