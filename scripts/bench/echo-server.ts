// The baseline for `pnpm bench:baseline`: a bare Socket.IO server speaking just enough of the /chat
// contract (session:ready, message:send ack, message:new reply) for the same load generator to drive
// it. No Redis, no Postgres, no queue, no model: what Socket.IO alone does on this machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

export async function startEchoServer(port = 0) {
  const http = createServer();
  const io = new Server(http, { transports: ['websocket'] });
  io.of('/chat').on('connection', (socket) => {
    const conversationId = randomUUID();
    let seq = 0;
    socket.emit('session:ready', { sessionToken: 'baseline', conversationId, status: 'bot', verified: false, messages: [] });
    socket.on('message:send', (payload: { clientMessageId?: string; text?: string }, ack: (r: unknown) => void) => {
      if (typeof ack !== 'function') return;
      const messageId = randomUUID();
      ack({ ok: true, data: { messageId, seq: ++seq, duplicate: false } });
      socket.emit('message:new', {
        id: randomUUID(),
        conversationId,
        seq: ++seq,
        role: 'bot',
        text: `echo: ${String(payload?.text ?? '')}`,
        replyTo: messageId,
        createdAt: new Date().toISOString(),
      });
    });
  });
  await new Promise<void>((r) => http.listen(port, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    url,
    pid: process.pid,
    close: () => new Promise<void>((r) => io.close(() => r())),
  };
}
