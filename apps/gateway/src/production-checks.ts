import { refuseDefaultSecretsInProduction } from '@em/config/env';
import { buildSites, parseOrigins } from './sites';

interface CheckedEnv {
  NODE_ENV: string;
  SITE_KEY: string;
  SITE_IDENTITY_SECRET: string;
  SESSION_SECRET: string;
  CONSOLE_JWT_SECRET: string;
  ALLOWED_ORIGINS: string;
  SITES_JSON?: string;
  METRICS_TOKEN?: string;
}

/**
 * What production refuses to start with (issue 15, findings 1 and 8; docs/security.md). Errors name
 * the variables, never their values.
 * - a default or short secret, including every SITES_JSON identitySecret;
 * - two of the three gateway secrets equal: each protects something else (customer identities,
 *   widget sessions, console sessions), and one leak must not forge the others;
 * - a SITES_JSON identitySecret equal to the session or console secret, for the same reason;
 * - /metrics without METRICS_TOKEN (it would be open to anyone who can reach the port).
 */
export function refuseUnsafeProductionConfig(env: CheckedEnv): void {
  if (env.NODE_ENV !== 'production') return;
  const sites = buildSites(
    { siteKey: env.SITE_KEY, identitySecret: env.SITE_IDENTITY_SECRET, allowedOrigins: parseOrigins(env.ALLOWED_ORIGINS) },
    env.SITES_JSON,
  );
  const siteSecrets = Object.fromEntries(sites.slice(1).map((s) => [`SITES_JSON[${s.siteKey}].identitySecret`, s.identitySecret]));
  refuseDefaultSecretsInProduction(env, {
    SITE_IDENTITY_SECRET: env.SITE_IDENTITY_SECRET,
    SESSION_SECRET: env.SESSION_SECRET,
    CONSOLE_JWT_SECRET: env.CONSOLE_JWT_SECRET,
    ...siteSecrets,
  });
  const shared: string[] = [];
  const pairs: [string, string, string, string][] = [
    ['SITE_IDENTITY_SECRET', env.SITE_IDENTITY_SECRET, 'SESSION_SECRET', env.SESSION_SECRET],
    ['SITE_IDENTITY_SECRET', env.SITE_IDENTITY_SECRET, 'CONSOLE_JWT_SECRET', env.CONSOLE_JWT_SECRET],
    ['SESSION_SECRET', env.SESSION_SECRET, 'CONSOLE_JWT_SECRET', env.CONSOLE_JWT_SECRET],
  ];
  for (const [name, secret] of Object.entries(siteSecrets)) {
    pairs.push([name, secret, 'SESSION_SECRET', env.SESSION_SECRET], [name, secret, 'CONSOLE_JWT_SECRET', env.CONSOLE_JWT_SECRET]);
  }
  for (const [a, va, b, vb] of pairs) if (va === vb) shared.push(`${a} = ${b}`);
  if (shared.length) throw new Error(`Refusing to start in production with secrets shared between purposes: ${shared.join(', ')}`);
  if (!env.METRICS_TOKEN) throw new Error('Refusing to start in production without METRICS_TOKEN: GET /metrics would be open to anyone');
}
