// Starts gateway, worker and web as child processes, each configured only by env (DESIGN §2).
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './services';

export interface PlatformOptions {
  databaseUrl: string;
  redisUrl: string;
  gatewayPort: number;
  webPort: number;
  redisPrefix?: string;
  extraOrigins?: string[];
  extraEnv?: Record<string, string>;
  log?: (line: string) => void;
  quiet?: boolean;
}

export interface Platform {
  gatewayUrl: string;
  webUrl: string;
  children: Record<string, ChildProcess>;
  stop: () => Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
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

export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  const log = o.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const gatewayUrl = `http://localhost:${o.gatewayPort}`;
  const webUrl = `http://localhost:${o.webPort}`;
  const origins = [webUrl, `http://127.0.0.1:${o.webPort}`, ...(o.extraOrigins ?? [])];
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: o.redisPrefix ?? 'em',
    PORT: String(o.gatewayPort),
    WEB_PORT: String(o.webPort),
    PUBLIC_GATEWAY_URL: gatewayUrl,
    WEB_ORIGIN: webUrl,
    ALLOWED_ORIGINS: origins.join(','),
    ...o.extraEnv,
  };
  const run = (name: string, args: string[]) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        if (!o.quiet) for (const l of lines) log(`[${name}] ${l}`);
      });
    }
    return child;
  };
  const children = {
    gateway: run('gateway', ['apps/gateway/dist/main.js']),
    worker: run('worker', ['apps/worker/dist/main.js']),
    web: run('web', ['apps/web/node_modules/next/dist/bin/next', 'start', 'apps/web', '-p', String(o.webPort)]),
  };
  const stop = async () => {
    await Promise.all(
      Object.values(children).map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  };
  try {
    await Promise.all([
      waitForHttp(`${gatewayUrl}/health`, 30_000, children.gateway),
      waitForHttp(webUrl, 60_000, children.web),
    ]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { gatewayUrl, webUrl, children, stop };
}
