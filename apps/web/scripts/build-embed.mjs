// Bundles the plain-TS widget loader (embed/embed.ts) into public/embed.js, served as GET /embed.js,
// and prints its size. The loader is on every page of a shop: above 15 KB gzipped the build fails.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'public/embed.js');
const BUDGET_GZIP_BYTES = 15 * 1024;

await build({
  entryPoints: [join(root, 'embed/embed.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  // Shops' pages may be old browsers; ES2018 keeps the loader broadly compatible.
  target: 'es2018',
  legalComments: 'none',
  logLevel: 'warning',
});

const raw = readFileSync(outfile);
const gzipped = gzipSync(raw, { level: 9 }).length;
console.log(`embed.js: ${raw.length} bytes, ${gzipped} bytes gzipped (budget ${BUDGET_GZIP_BYTES})`);
if (gzipped > BUDGET_GZIP_BYTES) {
  console.error('embed.js is over its size budget: keep React, zod and other libraries out of the loader.');
  process.exit(1);
}
