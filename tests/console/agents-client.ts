import { io as ioClient, type Socket } from 'socket.io-client';
import type { AgentsClientToServerEvents, AgentsServerToClientEvents, QueueItem } from '@em/contracts/events';
import { loginConsole, startHarness } from '../harness';

export type AgentClient = Socket<AgentsServerToClientEvents, AgentsClientToServerEvents>;

/** A real /agents client; resolves once connected and the queue snapshot has arrived. */
export function connectAgent(url: string, opts: { token?: string; cookie?: string }) {
  return new Promise<{ socket: AgentClient; snapshot: QueueItem[] }>((resolve, reject) => {
    const socket: AgentClient = ioClient(`${url}/agents`, {
      auth: opts.token ? { token: opts.token } : {},
      ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('queue:snapshot', (snapshot) => resolve({ socket, snapshot }));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

/** Resolves with the first queue:updated that satisfies `pred`. */
export function nextQueue(socket: AgentClient, pred: (q: QueueItem[]) => boolean, ms = 5000) {
  return new Promise<QueueItem[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching queue:updated within ${ms} ms`)), ms);
    const on = (q: QueueItem[]) => {
      if (!pred(q)) return;
      clearTimeout(timer);
      socket.off('queue:updated', on);
      resolve(q);
    };
    socket.on('queue:updated', on);
  });
}

/** Resolves with the first event `ev` whose payload satisfies `pred`. */
export function nextEvent<T>(socket: { on: (ev: string, fn: (p: T) => void) => unknown; off: (ev: string, fn: (p: T) => void) => unknown }, ev: string, pred: (p: T) => boolean, ms = 5000) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${ev} within ${ms} ms`)), ms);
    const on = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      socket.off(ev, on);
      resolve(p);
    };
    socket.on(ev, on);
  });
}

/** Polls `cond` every 20 ms until true; for hooks, where expect.poll is not available. */
export async function waitUntil(cond: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * The setup most console suites share: an in-process platform and one signed-in agent on /agents.
 * `stop()` lets the gateway finish the agent's disconnect (presence leave over Redis) before the
 * connections close.
 */
export async function startWithAgent(name: string, as = { email: 'agent@electromart.test', password: 'agent-password' }) {
  const h = await startHarness(name);
  const agent = (await connectAgent(h.url, { token: await loginConsole(h.url, as.email, as.password) })).socket;
  return {
    h,
    agent,
    async stop() {
      agent.disconnect();
      await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
      await h.stop();
    },
  };
}
