// Starts gateway, worker and web as child processes, each configured only by env (DESIGN §2).
import type { ChildProcess } from 'node:child_process';
import { SERVICE_ENTRY, spawnService, stopChild, waitForHttp } from './processes';
import { childEnv, scriptEnv } from './env';

export interface PlatformOptions {
  databaseUrl: string;
  redisUrl: string;
  gatewayPort: number;
  webPort: number;
  redisPrefix?: string;
  extraOrigins?: string[];
  /**
   * Origins of the cross-origin embedding demo (examples/embed.html): it is configured as a shop of its
   * own, "Northwind Audio", with its own branding (SITES_JSON), to show per-site branding end to end.
   */
  exampleOrigins?: string[];
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

/** The demo's second shop (examples/embed.html): a development secret, never used in production. */
export const EXAMPLE_SITE_KEY = 'northwind-audio';
const exampleSite = (origins: string[]) => ({
  siteKey: EXAMPLE_SITE_KEY,
  identitySecret: 'northwind-dev-identity-secret-0123456789',
  allowedOrigins: origins,
  title: 'Northwind Audio',
  subtitle: 'Headphones and speakers, answered fast',
  accentColor: '#00695c',
  welcomeMessage: 'Welcome to Northwind Audio! Ask about headphones, speakers, orders or returns.',
  // The shop's language: wins over the browser's (the loader's `locale` would win over it).
  locale: 'en',
  // Business hours (issue 20): outside them the widget says when people are back and a person request
  // becomes a ticket. The admin page (/console/admin → Sites) changes them without a restart.
  timeZone: 'Europe/London',
  businessHours: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
    sat: [{ from: '10:00', to: '14:00' }],
  },
  holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
});

export async function startPlatform(o: PlatformOptions): Promise<Platform> {
  const log = o.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const gatewayUrl = `http://localhost:${o.gatewayPort}`;
  const webUrl = `http://localhost:${o.webPort}`;
  const origins = [webUrl, `http://127.0.0.1:${o.webPort}`, ...(o.extraOrigins ?? [])];
  const env = childEnv({
    NODE_ENV: scriptEnv.NODE_ENV,
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: o.redisPrefix ?? 'em',
    PORT: String(o.gatewayPort),
    WEB_PORT: String(o.webPort),
    PUBLIC_GATEWAY_URL: gatewayUrl,
    WEB_ORIGIN: webUrl,
    ALLOWED_ORIGINS: origins.join(','),
    // A SITES_JSON of the operator's own wins: then the demo page needs one of their shops.
    ...(o.exampleOrigins?.length && !scriptEnv.SITES_JSON ? { SITES_JSON: JSON.stringify([exampleSite(o.exampleOrigins)]) } : {}),
    ...o.extraEnv,
  });
  const run = (name: string, args: readonly string[]) => spawnService(name, args, env, { log, quiet: o.quiet });
  const children = {
    gateway: run('gateway', SERVICE_ENTRY.gateway),
    worker: run('worker', SERVICE_ENTRY.worker),
    web: run('web', SERVICE_ENTRY.web(o.webPort)),
  };
  const stop = async () => {
    await Promise.all(Object.values(children).map((c) => stopChild(c)));
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
