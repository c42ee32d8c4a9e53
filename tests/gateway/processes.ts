// Helpers for tests that run the built gateway as real processes (several nodes, own Redis).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/services';
import { childEnv } from '../../scripts/lib/env';
import { waitFor } from '../support/wait';

export { waitFor } from '../support/wait';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const gatewayDir = path.join(repoRoot, 'apps/gateway');
const distMain = path.join(gatewayDir, 'dist/main.js');

/**
 * Builds apps/gateway (tsup, a few seconds) unless dist/main.js is newer than every source file.
 * Under a lock, re-checked inside it, so suites starting together never wipe each other's dist.
 */
export function ensureGatewayBuilt() {
  const script = 'if [ ! -f dist/main.js ] || [ -n "$(find src -type f -newer dist/main.js | head -n 1)" ]; then pnpm run build; fi';
  const r = spawnSync('flock', [path.join(tmpdir(), 'em-gateway-build.lock'), 'sh', '-c', script], { cwd: gatewayDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gateway build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface GatewayProcess {
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Spawns `node apps/gateway/dist/main.js` configured only by env and waits until /health answers. */
export async function spawnGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [distMain], {
    cwd: repoRoot,
    env: childEnv({ NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`gateway on ${port} (output: ${out})`, async () => {
    if (proc.exitCode !== null) throw new Error(`gateway exited ${proc.exitCode}: ${out}`);
    return (await fetch(`${url}/health`)).ok;
  });
  return {
    url,
    proc,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        const kill = setTimeout(() => proc.kill('SIGKILL'), 5000);
        proc.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        proc.kill('SIGTERM');
      }),
  };
}
