import type { WebEnv } from '../env';
import { widgetParentOrigins } from '../env';

/** ws(s):// twin of an http(s) origin: Socket.IO's WebSocket transport needs its own connect-src entry. */
const wsOf = (origin: string) => origin.replace(/^http/, 'ws');

/**
 * The web app's response headers (issue 15, finding 8), computed per request from the run-time env
 * (one build serves any deployment, so nothing here may be baked in by next.config at build time).
 *
 * CSP: scripts and styles from this origin only. 'unsafe-inline' stays for scripts because Next's App
 * Router inlines its bootstrap/flight scripts without nonces unless every page renders per request
 * with a nonce, and for styles because MUI (emotion) injects <style> tags; XSS is handled at the
 * source (text only, e2e/security-xss.spec.ts), and this policy still forbids foreign scripts,
 * plugins, <base> hijacking and talking to any server but the gateway. The gateway is the only other
 * origin the pages connect to (REST, Socket.IO, attachment images).
 *
 * Framing: /widget only by the shops' own origins (ALLOWED_ORIGINS, SITES_JSON) and this origin (the
 * demo storefront); every other page by nobody (clickjacking on the console and dashboard).
 */
export function securityHeaders(e: WebEnv, pathname: string): Record<string, string> {
  const gateway = new URL(e.PUBLIC_GATEWAY_URL).origin;
  const isWidget = pathname === '/widget' || pathname.startsWith('/widget/');
  const ancestors = isWidget ? ["'self'", ...widgetParentOrigins(e)].join(' ') : "'none'";
  const dev = e.NODE_ENV !== 'production';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${gateway}`,
    "font-src 'self' data:",
    `connect-src 'self' ${gateway} ${wsOf(gateway)}`,
    `media-src 'self' blob: ${gateway}`,
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Older browsers without frame-ancestors: the widget may be framed (they can't be told by whom).
    ...(isWidget ? {} : { 'X-Frame-Options': 'DENY' }),
    // HSTS only where production serves HTTPS; over plain HTTP (development) browsers ignore it anyway.
    ...(e.NODE_ENV === 'production' ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
