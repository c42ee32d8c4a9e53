import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { securityHeaders } from './lib/security-headers';

/** Next.js request proxy (formerly middleware): adds the security headers to every page and asset. */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(securityHeaders(env(), request.nextUrl.pathname))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's fingerprinted build assets (immutable, served with their own headers).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
