// Catalog search against a real, migrated and seeded Postgres (the tsvector, pg_trgm indexes and
// attrs live in the migrations, so a broken migration or seed parser fails here). The queries are
// the structured form parseProductQuery (packages/agents/src/nlu/product-query.ts) produces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '../client';
import { runMigrations } from '../migrate';
import { seed } from '../seed/seed';
import { createDatabase, dropDatabase } from '../testing';
import { catalogTerms } from '../schema/index';
import { resolveProductNames, searchCatalog, type CatalogHit } from './catalog-search';
import { getProductsBySku, listProducts, searchProducts } from './catalog';

const dbName = uniqueName('catsearch');
let dbh: DbHandle;

beforeAll(async () => {
  dbh = createDb(await createDatabase(TEST_PG_ADMIN_URL, dbName), { max: 2 });
  await runMigrations(dbh.db);
  await seed(dbh.db);
});
afterAll(async () => {
  await dbh?.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
});

const names = (rs: CatalogHit[]) => rs.map((r) => r.name);

describe('searchCatalog', () => {
  it('"16 GB of RAM under $1000": RAM and budget are hard constraints', async () => {
    const any = await searchCatalog(dbh.db, { filters: { ramGb: { min: 16 } }, maxPriceCents: 100000 });
    expect(names(any)).toEqual(['Orbix Pocket 7']);
    // No seeded laptop has 16 GB under $1000: an empty answer, not the 4 GB and 8 GB ones.
    expect(await searchCatalog(dbh.db, { kinds: ['laptop'], category: 'laptops', filters: { ramGb: { min: 16 } }, maxPriceCents: 100000 })).toEqual([]);
    const laptops = await searchCatalog(dbh.db, { category: 'laptops', filters: { ramGb: { min: 16 } }, maxPriceCents: 110000 });
    expect(names(laptops).sort()).toEqual(['Aurelia AirBook 14', 'Voltra UltraBook 14']);
    for (const p of laptops) expect(p.attrs.ramGb).toBeGreaterThanOrEqual(16);
  });

  it('"cheapest 4K TV": a TV, never the 4K monitor, cheapest first', async () => {
    const rs = await searchCatalog(dbh.db, { category: 'tvs', kinds: ['tv'], filters: { resolution: '4k' }, sort: 'price_asc' });
    expect(rs[0]).toMatchObject({ name: 'Halden Arena 50', category: 'tvs', kind: 'tv', attrs: { resolution: '4k' } });
    expect(rs.map((r) => r.priceCents)).toEqual([...rs.map((r) => r.priceCents)].sort((a, b) => a - b));
    expect(names(rs)).not.toContain('Halden Compact 32'); // Full HD
    const monitors = await searchCatalog(dbh.db, { kinds: ['monitor'], filters: { resolution: '4k' } });
    expect(names(monitors)).toEqual(['Lumio ClearView 27 4K Monitor']);
  });

  it('finds products by their type noun in free text: drones, e-readers', async () => {
    expect((await searchCatalog(dbh.db, { text: 'drones' }))[0]).toMatchObject({ name: 'Kestrel SkyLark Drone', category: 'cameras' });
    expect((await searchCatalog(dbh.db, { text: 'e-readers' }))[0]).toMatchObject({ name: 'Aurelia ReadPad E-Reader', category: 'tablets' });
    expect(names(await searchCatalog(dbh.db, { kinds: ['drone'] }))).toEqual(['Kestrel SkyLark Drone']);
  });

  it('tolerates typos by trigram similarity, and free words alone must match something', async () => {
    const rs = await searchCatalog(dbh.db, { text: 'hedphones' });
    expect(rs.length).toBeGreaterThan(0);
    for (const p of rs) expect(['headphones', 'earbuds', 'headset']).toContain(p.kind);
    expect(new Set((await searchCatalog(dbh.db, { text: 'labtop' })).map((p) => p.category))).toEqual(new Set(['laptops']));
    expect(new Set((await searchCatalog(dbh.db, { text: 'nimbas' })).map((p) => p.brand))).toEqual(new Set(['Nimbus']));
    expect(await searchCatalog(dbh.db, { text: 'unicorns' })).toEqual([]);
  });

  it('"noise cancelling headphones under $300": only ANC headphones within budget', async () => {
    const rs = await searchCatalog(dbh.db, { kinds: ['headphones', 'earbuds', 'headset'], filters: { anc: true }, maxPriceCents: 30000 });
    expect(names(rs).sort()).toEqual(['Aurelia Petal Buds', 'Aurelia SoundHalo ANC', 'Sable Hush Pro']);
    for (const p of rs) expect(p.attrs.anc && p.priceCents <= 30000).toBe(true);
    const noAnc = await searchCatalog(dbh.db, { kinds: ['headphones', 'earbuds', 'headset'], filters: { anc: false } });
    expect(names(noAnc).sort()).toEqual(['Sable Basics Earphones', 'Sable Raid Gaming Headset']);
  });

  it('ranks free words within the constraints and honours sort, limit and stock', async () => {
    const gaming = await searchCatalog(dbh.db, { category: 'laptops', text: 'gaming' });
    expect(gaming[0]!.name).toBe('Kestrel Strike 16');
    expect(gaming).toHaveLength(6); // next to a category the text only ranks
    const top = await searchCatalog(dbh.db, { category: 'phones', sort: 'rating', limit: 2 });
    expect(top).toHaveLength(2);
    expect(top[0]!.rating).toBeGreaterThanOrEqual(top[1]!.rating);
    expect(names(await searchCatalog(dbh.db, { category: 'laptops', inStockOnly: true }))).not.toContain('Voltra WorkPro 16');
    const big = await searchCatalog(dbh.db, { category: 'tvs', filters: { screenIn: { min: 65 }, refreshHz: { min: 120 }, panel: ['oled'] } });
    expect(names(big)).toEqual(['Lumio Horizon 65 OLED']);
  });

  it('rejects out-of-contract queries before they reach SQL', async () => {
    await expect(searchCatalog(dbh.db, { limit: 50 })).rejects.toThrow();
    await expect(searchCatalog(dbh.db, { filters: { ramGb: { min: 32, max: 8 } } })).rejects.toThrow();
    // Text is a bind parameter: quotes and tsquery syntax are just words.
    expect(await searchCatalog(dbh.db, { text: "'); zzqx; -- & | ! :* <->" })).toEqual([]);
    expect((await searchCatalog(dbh.db, { text: "'); drop table products; --" })).length).toBeGreaterThan(0);
    expect((await listProducts(dbh.db, 1000)).length).toBeGreaterThan(40);
  });
});

describe('seeded search data', () => {
  it('maps type nouns to the category the shop files them under, with plurals', async () => {
    const terms = await dbh.db.select().from(catalogTerms);
    const of = (term: string) => terms.filter((t) => t.term === term).map((t) => `${t.category}/${t.kind ?? '*'}`).sort();
    expect(of('drones')).toEqual(['cameras/drone']);
    expect(of('e reader')).toEqual(['tablets/e-reader']);
    expect(of('robot vacuum')).toEqual(['smart-home/robot-vacuum']);
    expect(of('power banks')).toEqual(['accessories/power-bank']);
    expect(of('monitor')).toEqual(['accessories/monitor']);
    expect(of('television')).toEqual(['tvs/tv']);
    expect(of('audio')).toEqual(['audio/*']);
  });

  it('re-seeding changes nothing, and the old queries still work', async () => {
    const before = await dbh.db.select().from(catalogTerms);
    await seed(dbh.db);
    expect((await dbh.db.select().from(catalogTerms)).map((t) => t.id)).toEqual(before.map((t) => t.id));
    expect((await searchProducts(dbh.db, { category: 'tvs', maxPriceCents: 60000 })).map((p) => p.name)).toContain('Halden Arena 50');
    expect((await getProductsBySku(dbh.db, ['EM-CAM-005']))[0]?.attrs).toMatchObject({ cameraMp: 48, resolution: '4k', weightKg: 0.249 });
  });
});

describe('resolveProductNames', () => {
  it.each([
    ['how much is the nimbus x5?', ['Nimbus X5']],
    ['is the sable hush pro any good', ['Sable Hush Pro']],
    ['tell me about the skylark', ['Kestrel SkyLark Drone']],
    ['kestral k9 pro price', ['Kestrel K9 Pro']],
    ['petal buds or the soundhalo?', ['Aurelia Petal Buds', 'Aurelia SoundHalo ANC']],
    ['do you have cheap laptops', []],
  ])('%j → %j', async (text, want) => {
    expect((await resolveProductNames(dbh.db, text)).map((m) => m.name)).toEqual(want);
  });
});
