import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (exports point at src/*.ts).
  transpilePackages: ['@em/db', '@em/contracts', '@em/config', '@em/conversations'],
  poweredByHeader: false,
  // Security headers (CSP, frame-ancestors, nosniff, HSTS) are set per request by src/proxy.ts:
  // they depend on run-time settings, and headers() here would be baked in at build time.
};

export default nextConfig;
