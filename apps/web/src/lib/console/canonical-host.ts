import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The console's session is the gateway's httpOnly cookie, which the browser keeps per host name.
 * `localhost` and `127.0.0.1` are different sites to a browser, so a page on one can't use a cookie
 * set by a gateway on the other. For those loopback aliases we send the browser to the gateway's
 * host name (same port, same path) before anything renders, so page, REST and socket share one site.
 * Real deployments use one registrable domain for both (e.g. support.example.com + api.example.com).
 */
export async function ensureGatewayHost(gatewayUrl: string, path: string) {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return;
  const page = new URL(`http://${host}`);
  const gw = new URL(gatewayUrl);
  if (page.hostname === gw.hostname || !LOOPBACK.has(page.hostname) || !LOOPBACK.has(gw.hostname)) return;
  const proto = h.get('x-forwarded-proto') ?? 'http';
  redirect(`${proto}://${gw.hostname}${page.port ? `:${page.port}` : ''}${path}`);
}
