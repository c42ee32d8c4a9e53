// The e2e suite's one reader (and, for global-setup, writer) of process.env: global setup publishes
// the running platform's addresses here and Playwright hands its environment to each worker.
const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs with \`pnpm test:e2e\` (e2e/global-setup.ts sets it)`);
  return value;
};

export const e2eEnv = {
  webUrl: () => need('E2E_WEB_URL'),
  gatewayUrl: () => need('E2E_GATEWAY_URL'),
  /** Port of the static server for examples/embed.html (another origin the gateway allows). */
  examplePort: () => Number(need('E2E_EXAMPLE_PORT')),
  /** The run's own database (specs that seed extra rows write to it). */
  databaseUrl: () => need('E2E_DATABASE_URL'),
  /** E2E_VERBOSE=1: print the platform's logs after the run. */
  verbose: () => Boolean(process.env.E2E_VERBOSE),
  /** SCREENSHOTS=1: write the widget screenshots to docs/screenshots. */
  screenshots: () => Boolean(process.env.SCREENSHOTS),
  /** Debian's Chromium unless CHROMIUM_PATH names another. */
  chromiumPath: () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
};

/** global-setup: where the platform it started listens, for every spec. */
export function publishE2eEnv(p: { webUrl: string; gatewayUrl: string; examplePort: number; databaseUrl: string }) {
  process.env.E2E_WEB_URL = p.webUrl;
  process.env.E2E_GATEWAY_URL = p.gatewayUrl;
  process.env.E2E_EXAMPLE_PORT = String(p.examplePort);
  process.env.E2E_DATABASE_URL = p.databaseUrl;
}
