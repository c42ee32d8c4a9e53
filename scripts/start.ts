// `pnpm start`: builds what is missing, brings up (or embeds) Postgres and Redis, migrates and
// seeds, then runs gateway, worker and web and prints the URLs. Ctrl-C stops everything.
import { z } from 'zod';
import { CONSOLE_USERS } from '@em/db/seed/fixtures';
import { startPlatform } from './lib/platform';
import { prepareServices, StartEnv } from './lib/prepare';
import { startStaticServer } from './lib/static-server';
import { parseEnv } from './lib/env';
import { repoRoot } from './lib/services';

const env = parseEnv(StartEnv.extend({
  /** examples/ (the cross-origin embedding demo) is served here. */
  EXAMPLES_PORT: z.coerce.number().int().default(3100),
  /** Mail (issue 20): the worker sends through SMTP_URL, or writes .eml files to MAIL_DIR (named below). */
  SMTP_URL: z.string().optional(),
  MAIL_DIR: z.string().optional(),
}));
const log = (s: string) => console.log(`[start] ${s}`);
const { pg, redis } = await prepareServices(env, log);

const platform = await startPlatform({
  databaseUrl: pg.url,
  redisUrl: redis.url,
  gatewayPort: env.PORT,
  webPort: env.WEB_PORT,
  extraOrigins: ['http://localhost:8080', 'http://127.0.0.1:8080'],
  // examples/embed.html is "Northwind Audio", a second shop with its own branding.
  exampleOrigins: [`http://localhost:${env.EXAMPLES_PORT}`, `http://127.0.0.1:${env.EXAMPLES_PORT}`],
});
const examples = await startStaticServer({ dir: `${repoRoot}/examples`, port: env.EXAMPLES_PORT, webUrl: platform.webUrl });

console.log(`
  ElectroMart Support is running
    Storefront + widget  ${platform.webUrl}/
    Widget only          ${platform.webUrl}/widget
    Embedded elsewhere   ${examples.url}/embed.html  (examples/, another origin)
    Gateway              ${platform.gatewayUrl}  (GET /health, /ready)
    Mail                 ${env.SMTP_URL ? `SMTP ${new URL(env.SMTP_URL).host} (SMTP_URL)` : `mailbox ${env.MAIL_DIR ?? `${repoRoot}/.data/mail`}  (one .eml file per mail; set SMTP_URL to send)`}
`);
if (env.NODE_ENV !== 'production') {
  console.log('  Demo console users (development only):');
  for (const u of CONSOLE_USERS) console.log(`    ${u.email} / ${u.password}  (${u.role})`);
  console.log('');
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await examples.stop();
  await platform.stop();
  await redis.stop();
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
for (const [name, child] of Object.entries(platform.children)) {
  child.on('exit', (code) => {
    if (!stopping) {
      log(`${name} exited with code ${code}; stopping the platform`);
      void stop();
    }
  });
}
