// One port in front of several gateways for `pnpm start:cluster`. Written here because no load
// balancer (nginx, HAProxy) is installed on these machines, and @socket.io/sticky needs the gateways
// to be node:cluster workers of one parent, while ours are independent processes (as in Docker).
//
// WebSocket connections may go to any gateway (the Redis adapter joins them up). HTTP long-polling
// must stay on the gateway that issued its Engine.IO session id, so the proxy learns each `sid`
// from the handshake response and routes later requests carrying that sid to the same gateway.
import http from 'node:http';
import net from 'node:net';

const SID_TTL_MS = 10 * 60 * 1000;

/**
 * X-Forwarded-For as the gateways see it: whatever the client sent, then the client's own address
 * (as nginx's $proxy_add_x_forwarded_for). The gateways believe it only because `pnpm start:cluster`
 * names this proxy in their TRUST_PROXY (loopback); without that they ignore the header.
 */
export function forwardedFor(req: http.IncomingMessage): string {
  const given = req.headers['x-forwarded-for'];
  const prior = Array.isArray(given) ? given.join(', ') : given;
  const peer = req.socket.remoteAddress ?? 'unknown';
  return prior ? `${prior}, ${peer}` : peer;
}

export function createStickyProxy(backends: URL[]) {
  if (!backends.length) throw new Error('no backends');
  const sids = new Map<string, { backend: URL; seen: number }>();
  let next = 0;
  const pick = (url: string | undefined): URL => {
    const sid = /[?&]sid=([^&]+)/.exec(url ?? '')?.[1];
    const known = sid ? sids.get(sid) : undefined;
    if (known) {
      known.seen = Date.now();
      return known.backend;
    }
    return backends[next++ % backends.length]!;
  };
  const sweep = setInterval(() => {
    const cutoff = Date.now() - SID_TTL_MS;
    for (const [sid, e] of sids) if (e.seen < cutoff) sids.delete(sid);
  }, 60_000);
  sweep.unref();

  const server = http.createServer((req, res) => {
    const backend = pick(req.url);
    const isHandshake = req.url?.startsWith('/socket.io/') && !/[?&]sid=/.test(req.url);
    const upstream = http.request(
      { host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': forwardedFor(req) } },
      (up) => {
        if (!isHandshake) {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          return;
        }
        // The Engine.IO open packet is small: `0{"sid":"…",…}`. Read it to learn the sid.
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          const sid = /"sid":"([^"]+)"/.exec(body.toString('utf8'))?.[1];
          if (sid) sids.set(sid, { backend, seen: Date.now() });
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(body);
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'internal', message: 'Gateway unavailable' } }));
    });
    req.pipe(upstream);
  });

  // WebSocket upgrades: replay the request head to the chosen gateway and splice the two sockets.
  server.on('upgrade', (req, client: net.Socket, head: Buffer) => {
    const backend = pick(req.url);
    const up = net.connect(Number(backend.port), backend.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        if (req.rawHeaders[i]!.toLowerCase() !== 'x-forwarded-for') lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      lines.push(`X-Forwarded-For: ${forwardedFor(req)}`);
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    const close = () => {
      up.destroy();
      client.destroy();
    };
    up.on('error', close);
    client.on('error', close);
  });
  server.on('close', () => clearInterval(sweep));
  return server;
}
