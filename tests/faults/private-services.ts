// Fault tests stop and restart Redis and Postgres. They never touch the machine's shared
// instances (other suites run against those): each test gets private ones on free ports.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pingRedis } from '@em/config/redis';
import { freePort } from '../../scripts/lib/services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A private redis-server with an fsync-always AOF, so a restart keeps the queue like a production Redis. */
export async function startPrivateRedis() {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'em-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await pingRedis(url)); i++) await sleep(50);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((r) => {
      c.once('exit', () => r());
      c.kill('SIGTERM');
    });
  };
  await start();
  return { url, start, stop, async dispose() { await stop(); rmSync(dir, { recursive: true, force: true }); } };
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
