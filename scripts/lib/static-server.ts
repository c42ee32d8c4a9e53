// A tiny static file server for examples/: the cross-origin embedding demo (`pnpm start` on 3100,
// e2e on E2E_EXAMPLE_PORT). HTML files name the web app as http://localhost:3000; when the web app
// runs elsewhere, that origin is rewritten on the way out so the page still loads the right embed.js.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const EXAMPLE_WEB_ORIGIN = 'http://localhost:3000';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  server: Server;
  stop: () => Promise<void>;
}

export async function startStaticServer(opts: { dir: string; port: number; webUrl?: string; host?: string }): Promise<StaticServer> {
  const root = normalize(opts.dir + sep);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
      // Never serve anything outside the examples folder (../ in the URL).
      if (!file.startsWith(root) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end('Not found');
        return;
      }
      let body: Buffer | string = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html') && opts.webUrl && opts.webUrl !== EXAMPLE_WEB_ORIGIN) {
        body = body.toString('utf8').split(EXAMPLE_WEB_ORIGIN).join(opts.webUrl);
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', resolve);
  });
  return {
    url: `http://localhost:${opts.port}`,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
