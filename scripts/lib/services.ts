// Embedded defaults (DESIGN §2): a newcomer needs nothing running. Postgres falls back to PGlite
// served over the wire protocol; Redis falls back to a local redis-server on a free port.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pingRedis } from '@em/config/redis';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const dataDir = path.join(repoRoot, '.data');

/**
 * Builds every workspace package in dependency order, one at a time (2 cores). Not `turbo run
 * build`: Turborepo insists on a root `packageManager` pin, and with that pin pnpm 12 tries to
 * fetch its own binary from the registry inside every `pnpm run`, which fails on these machines.
 * turbo.json stays for machines where the pin works.
 */
export const BUILD_ARGS = ['-r', '--workspace-concurrency=1', 'run', 'build'];

export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(freePort(0)));
    srv.listen(preferred, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Stoppable {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/** Embedded Postgres with the extensions the migrations create (pg_trgm: catalog search); in memory without `dir`. */
export async function openPglite(dir?: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // PGlite can only CREATE EXTENSION what the instance was created with.
  return PGlite.create(dir, { extensions: { pg_trgm } });
}

export async function ensurePostgres(url: string | undefined, log: (s: string) => void): Promise<Stoppable> {
  if (url) return { url, embedded: false, stop: async () => {} };
  const { servePglite } = await import('./pglite-server');
  const dir = path.join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await openPglite(dir);
  const port = await freePort(54329);
  const server = await servePglite(db, port);
  log(`DATABASE_URL unset: embedded PGlite (data in .data/pglite) on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

export async function ensureRedis(url: string, log: (s: string) => void): Promise<Stoppable> {
  if (await pingRedis(url)) return { url, embedded: false, stop: async () => {} };
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (which.status !== 0) {
    throw new Error(
      `Redis is not reachable at ${url} and no redis-server is on PATH. Install Redis (apt-get install redis-server) or set REDIS_URL.`,
    );
  }
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort(6380);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const embeddedUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await pingRedis(embeddedUrl)); i++) await new Promise((r) => setTimeout(r, 100));
  log(`Redis unreachable at ${url}: started redis-server on 127.0.0.1:${port}`);
  return { url: embeddedUrl, embedded: true, stop: async () => void child.kill('SIGTERM') };
}
