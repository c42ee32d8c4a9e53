// Fault and process tests stop and restart Redis and Postgres. They never touch the machine's shared
// instances (other suites run against those): each test gets private ones on free ports.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pingRedis } from '@em/config/redis';
import { freePort } from '../../scripts/lib/services';
import { waitFor } from './wait';

export interface PrivateRedis {
  url: string;
  port: number;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  dispose: () => Promise<void>;
}

/**
 * A private redis-server on a free port that a test may stop and start again. `persist` keeps an
 * fsync-always AOF, so a restart keeps the queue like a production Redis; without it Redis comes
 * back empty (the worst case the recovery sweeper covers). `stop` is a crash (SIGKILL) unless
 * `graceful`.
 */
export async function startPrivateRedis(opts: { persist?: boolean; graceful?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'em-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const aof = opts.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', ...aof], { stdio: 'ignore' });
    await waitFor(`redis-server on ${port}`, () => pingRedis(url), 10_000, 50);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill(opts.graceful ? 'SIGTERM' : 'SIGKILL');
    });
  };
  await start();
  return { url, port, start, stop, async dispose() { await stop(); rmSync(dir, { recursive: true, force: true }); } };
}

const PG_BIN = (() => {
  const base = '/usr/lib/postgresql';
  const version = readdirSync(base).sort().at(-1);
  return path.join(base, version!, 'bin');
})();

/** A private Postgres cluster (initdb + pg_ctl) on a free port; run as the postgres user when we are root. */
export async function startPrivatePostgres() {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'em-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), -1);
  const run = (bin: string, args: string[]) => {
    const cmd = [path.join(PG_BIN, bin), ...args];
    if (asRoot) execFileSync('su', ['postgres', '-c', cmd.map((a) => `'${a}'`).join(' ')], { stdio: 'ignore' });
    else execFileSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => run('pg_ctl', ['-D', data, '-o', opts, '-w', 'start']);
  // -m fast: disconnect clients at once, like a crash-restart as far as the platform can tell.
  const stop = async () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async dispose() {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
