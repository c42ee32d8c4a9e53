// Serves PGlite over the Postgres wire protocol to several processes at once.
//
// Why not PGLiteSocketServer as-is: its queue interleaves single protocol messages from different
// connections. PGlite is one backend session, so connection B's Parse/Bind can land between
// connection A's Parse and Bind (postgres.js uses the unnamed prepared statement), which fails
// with "bind message supplies 3 parameters, but prepared statement requires 1". This queue gives
// one connection the backend from its first extended-protocol message until its Sync has run and
// no transaction is open; everyone else waits their turn. We reuse the library's socket handler.
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

interface Item {
  handlerId: number;
  message: Uint8Array;
  onData: (d: Uint8Array) => void;
  resolve: (n: number) => void;
  reject: (e: Error) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'

class ExclusiveQueue {
  private queue: Item[] = [];
  private owner: number | null = null;
  private busy = false;
  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  private async drain() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        const idx = this.owner === null ? 0 : this.queue.findIndex((i) => i.handlerId === this.owner);
        if (idx === -1) break; // the owner has more to send; wait for it
        const item = this.queue.splice(idx, 1)[0]!;
        const type = item.message[0];
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d: Uint8Array) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
          item.resolve(bytes);
        } catch (err) {
          item.reject(err as Error);
        }
        const startup = item.message.length >= 8 && type === 0;
        const endsSequence = type === SYNC || type === QUERY || startup;
        this.owner = endsSequence && !this.db.isInTransaction() ? null : item.handlerId;
      }
    } finally {
      this.busy = false;
    }
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((i) => (i.handlerId === handlerId ? (i.reject(new Error('Handler disconnected')), false) : true));
  }

  async clearTransactionIfNeeded(handlerId: number) {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.drain();
  }
}

export async function servePglite(db: PGlite, port: number, host = '127.0.0.1') {
  await db.waitReady;
  const queue = new ExclusiveQueue(db);
  const server = net.createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    void handler.attach(socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { stop: () => new Promise<void>((r) => server.close(() => r())) };
}
