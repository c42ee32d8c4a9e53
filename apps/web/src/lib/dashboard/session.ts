import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOGIN_PATH } from './paths';

/** The console's session cookie, set httpOnly by the gateway's POST /api/auth/login. */
const CONSOLE_COOKIE = 'em_console';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Before rendering the dashboard: the browser keeps the gateway's cookie per host name, so on
 * loopback aliases (localhost vs 127.0.0.1) we move to the gateway's host name first; then a
 * missing cookie goes to the console login. (The gateway still checks the token on every call.)
 */
export async function requireConsoleSession(gatewayUrl: string, path: string) {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (host) {
    const page = new URL(`http://${host}`);
    const gw = new URL(gatewayUrl);
    if (page.hostname !== gw.hostname && LOOPBACK.has(page.hostname) && LOOPBACK.has(gw.hostname)) {
      redirect(`${h.get('x-forwarded-proto') ?? 'http'}://${gw.hostname}${page.port ? `:${page.port}` : ''}${path}`);
    }
  }
  if (!(await cookies()).get(CONSOLE_COOKIE)?.value) redirect(LOGIN_PATH);
}
