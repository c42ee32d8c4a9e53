// Bundles the plain-TS widget loader (embed/embed.ts) into public/embed.js, served as GET /embed.js.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [join(root, 'embed/embed.ts')],
  outfile: join(root, 'public/embed.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  // Shops' pages may be old browsers; ES2018 keeps the loader broadly compatible.
  target: 'es2018',
  legalComments: 'none',
  logLevel: 'info',
});
