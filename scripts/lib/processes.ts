// Spawning the built services (gateway, worker, web) as child processes configured only by env
// (DESIGN §2), shared by `pnpm start`, the e2e setup, the cluster and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from './services';

export const SERVICE_ENTRY = {
  gateway: ['apps/gateway/dist/main.js'],
  worker: ['apps/worker/dist/main.js'],
  web: (port: number) => ['apps/web/node_modules/next/dist/bin/next', 'start', 'apps/web', '-p', String(port)],
} as const;

/** Starts `node <args>` with env, prefixing each output line with the service name (or dropping it when quiet). */
export function spawnService(
  name: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean; log?: (line: string) => void } = {},
): ChildProcess {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const child = spawn(process.execPath, [...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream?.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      if (!opts.quiet) for (const l of lines) log(`[${name}] ${l}`);
    });
  }
  return child;
}

export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after `graceMs` if the process is still there. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

/** Resident set size of a live process in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
