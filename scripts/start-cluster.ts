// `pnpm start:cluster`: 2 gateways and 2 workers behind one port (PORT, default 4000), plus the web
// app, to try horizontal scale without Docker. Gateways share conversations through the Socket.IO
// Redis adapter; workers share the BullMQ queue; the sticky proxy keeps long-polling on one gateway.
import type { AddressInfo } from 'node:net';
import { CONSOLE_USERS } from '@em/db/seed/fixtures';
import { prepareServices, StartEnv } from './lib/prepare';
import { freePort } from './lib/services';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from './lib/processes';
import { createStickyProxy } from './lib/sticky-proxy';
import { childEnv, parseEnv } from './lib/env';

const GATEWAYS = 2;
const WORKERS = 2;
const env = parseEnv(StartEnv);
const log = (s: string) => console.log(`[cluster] ${s}`);
const { pg, redis } = await prepareServices(env, log);

const publicUrl = `http://localhost:${env.PORT}`;
const webUrl = `http://localhost:${env.WEB_PORT}`;
const shared = childEnv({
  NODE_ENV: env.NODE_ENV,
  DATABASE_URL: pg.url,
  REDIS_URL: redis.url,
  PUBLIC_GATEWAY_URL: publicUrl,
  WEB_ORIGIN: webUrl,
  WEB_PORT: String(env.WEB_PORT),
  ALLOWED_ORIGINS: [webUrl, `http://127.0.0.1:${env.WEB_PORT}`, 'http://localhost:3100', 'http://127.0.0.1:3100'].join(','),
  // The sticky proxy (same machine) adds X-Forwarded-For; the gateways believe it from loopback only.
  TRUST_PROXY: 'loopback',
});
const gatewayPorts = await Promise.all(Array.from({ length: GATEWAYS }, () => freePort()));
const children = [
  ...gatewayPorts.map((port, i) => spawnService(`gateway${i + 1}`, SERVICE_ENTRY.gateway, { ...shared, PORT: String(port) })),
  ...Array.from({ length: WORKERS }, (_, i) => spawnService(`worker${i + 1}`, SERVICE_ENTRY.worker, shared)),
  spawnService('web', SERVICE_ENTRY.web(env.WEB_PORT), shared),
];
await Promise.all(gatewayPorts.map((port, i) => waitForHttp(`http://127.0.0.1:${port}/health`, 30_000, children[i])));
const proxy = createStickyProxy(gatewayPorts.map((p) => new URL(`http://127.0.0.1:${p}`)));
await new Promise<void>((r) => proxy.listen(env.PORT, () => r()));
await waitForHttp(webUrl, 60_000, children.at(-1));

console.log(`
  ElectroMart Support cluster is running
    Storefront + widget  ${webUrl}/
    Console              ${webUrl}/console
    Gateway (balanced)   ${publicUrl}  → ${gatewayPorts.map((p) => `:${p}`).join(', ')}  (proxy port ${(proxy.address() as AddressInfo).port})
    Workers              ${WORKERS} processes
`);
if (env.NODE_ENV !== 'production') for (const u of CONSOLE_USERS) console.log(`    ${u.email} / ${u.password}  (${u.role})`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  proxy.close();
  await Promise.all(children.map((c) => stopChild(c)));
  await redis.stop();
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
for (const child of children) child.on('exit', (code) => !stopping && (log(`a process exited with ${code}; stopping`), void stop()));
