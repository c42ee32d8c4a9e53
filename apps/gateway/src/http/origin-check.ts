import type { IncomingHttpHeaders } from 'node:http';

/**
 * May a request carrying the console's cookie come from this browser origin? (issue 15, finding 2)
 * The cookie is SameSite=Lax, so a page on another port of the same host, or on a sibling
 * subdomain, is "same site" and the browser sends it along: only the Origin header tells them apart.
 * Allowed: the platform's own web app(s) and the gateway's own origin (bull-board's page). Browsers
 * send Origin on every WebSocket handshake, cross-origin fetch and state-changing request; a request
 * without one is a non-browser client or a same-origin GET, neither of which is cross-site.
 */
export function consoleOriginAllowed(headers: IncomingHttpHeaders, platformOrigins: readonly string[] = []): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (platformOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything malformed
  }
}

/**
 * Socket.IO's CORS, which Engine.IO applies before any namespace is known: the platform's origins
 * get credentialed CORS (the console's cookie), shop origins plain CORS (the widget authenticates
 * with its session token, never a cookie). Which namespace each may open is checked per namespace:
 * /agents takes only the platform's origins (agents/namespace.ts), /chat a site's own (chat/auth.ts).
 */
export function socketCors(platformOrigins: readonly string[], shopOrigin: (origin: string) => boolean) {
  return (req: { headers: IncomingHttpHeaders }, cb: (err: Error | null, options: { origin: boolean; credentials?: boolean }) => void) => {
    const origin = req.headers.origin;
    if (origin && platformOrigins.includes(origin)) return cb(null, { origin: true, credentials: true });
    if (origin && shopOrigin(origin)) return cb(null, { origin: true, credentials: false });
    cb(null, { origin: false });
  };
}
