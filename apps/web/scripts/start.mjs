// `next start` on WEB_PORT (default 3000) without relying on a shell for ${WEB_PORT:-3000}.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
// A plain Node launcher (no TypeScript loader for src/env.ts): it reads WEB_PORT and hands the
// environment on to `next start` unchanged, where src/env.ts validates it.
// eslint-disable-next-line no-restricted-properties -- launcher: see above
const port = process.env.WEB_PORT || '3000';
const args = [nextBin, 'start', '-p', port];

// eslint-disable-next-line no-restricted-properties -- launcher: the child's environment is this one
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
