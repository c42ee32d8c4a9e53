import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source (exports point at src/*.ts).
  transpilePackages: ['@em/db', '@em/contracts', '@em/config'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        // The widget is meant to be framed by any shop that embeds /embed.js.
        source: '/widget',
        headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }],
      },
      {
        // Everything else (storefront, console, dashboard) refuses to be framed.
        source: '/((?!widget$|widget/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
