// Real socket.io clients for gateway tests, with control over headers and reconnection.
import { io as ioClient, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import type { SessionReady } from '@em/contracts/events';
import type { Message } from '@em/contracts/schemas';
import type { ChatClient } from '../harness';

const open: ChatClient[] = [];

export function connectChat(url: string, auth: Record<string, unknown> = { siteKey: 'demo-site' }, opts: Partial<ManagerOptions & SocketOptions> = {}) {
  return new Promise<{ socket: ChatClient; ready: SessionReady }>((resolve, reject) => {
    const socket: ChatClient = ioClient(`${url}/chat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...opts });
    open.push(socket);
    socket.once('session:ready', (ready) => resolve({ socket, ready }));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The connect_error code DESIGN promises (`err.data.code`), or 'connected'. */
export const refusalCode = (p: Promise<{ socket: ChatClient }>) =>
  p.then(
    ({ socket }) => {
      socket.disconnect();
      return 'connected';
    },
    (e: Error & { data?: { code?: string } }) => e.data?.code ?? `no code: ${e.message}`,
  );

export function closeAllClients() {
  for (const s of open.splice(0)) s.close();
}

/** Collects every `message:new` a socket receives. */
export function collect(socket: ChatClient) {
  const messages: Message[] = [];
  socket.on('message:new', (m) => messages.push(m));
  return messages;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
