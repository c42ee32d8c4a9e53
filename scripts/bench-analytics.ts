// pnpm bench:analytics -- [--runs 30]   (DATABASE_URL = a database filled by `pnpm seed:history`)
// Times GET /api/analytics/summary (the real router: console auth, SQL aggregates, JSON) over the
// last 30 days, sequentially after a warm-up, plus one timeseries and the CSV export. Prints the
// table sizes and, as its last line, one JSON object with the numbers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { createRedis } from '@em/config/redis';
import { createDb } from '@em/db/client';
import { createAnalyticsApp } from '../apps/gateway/src/analytics/analytics-standalone';
import { createConsoleTokens } from '../apps/gateway/src/console/console-tokens';
import { scriptEnv } from './lib/env';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string', default: '30' }, days: { type: 'string', default: '30' } },
});
const runs = Math.max(1, Number(values.runs));
const days = Math.max(1, Number(values.days));
const url = scriptEnv.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required: seed one first with `pnpm seed:history -- --days 30 --conversations 100000`.');
  process.exit(2);
}

const h = createDb(url, { max: 10 });
const redis = createRedis(scriptEnv.REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue('messages', { connection: redis, prefix: `em_bench_analytics_${process.pid}:bull` });
const consoleTokens = createConsoleTokens(`bench-secret-${process.pid}-0123456789`);
const server = createServer(createAnalyticsApp({ db: h.db, consoleTokens, queue }));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

try {
  const [admin] = (await h.sql`select id, name from console_users where email = 'admin@electromart.test'`) as unknown as { id: string; name: string }[];
  if (!admin) throw new Error('no seeded admin: run `pnpm seed:history` (it migrates and seeds) first');
  const token = await consoleTokens.sign({ userId: admin.id, role: 'admin', name: admin.name, tokenVersion: 0 });
  const sizes = (await h.sql`select
      (select count(*)::int from conversations) as conversations,
      (select count(*)::int from messages) as messages,
      (select count(*)::int from conversation_events) as events`) as unknown as Record<string, number>[];
  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const q = `from=${from.toISOString()}&to=${to.toISOString()}`;
  const time = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path} → ${res.status} ${body}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await time(`/api/analytics/summary?${q}`);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await time(`/api/analytics/summary?${q}`));
  ms.sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  const result = {
    ...sizes[0],
    days,
    runs,
    summary_p50_ms: round(pct(0.5)),
    summary_p95_ms: round(pct(0.95)),
    summary_max_ms: round(ms[ms.length - 1]!),
    timeseries_day_ms: round(await time(`/api/analytics/timeseries?metric=messages&bucket=day&${q}`)),
    export_csv_ms: round(await time(`/api/analytics/export.csv?${q}`)),
  };
  console.log(`summary over ${days} days, ${runs} sequential requests after 3 warm-ups:`);
  console.log(JSON.stringify(result));
} finally {
  server.close();
  await queue.close();
  redis.disconnect();
  await h.close();
}
