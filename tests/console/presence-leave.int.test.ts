// A console tab closed right after it opened must not leave a ghost "online" agent behind for the
// presence TTL (45 s): the hand-over would then promise a person nobody is there to be. The leave on
// disconnect can run before the connection's own heartbeat has been written; the heartbeat must not
// win. Real gateway, Redis and Socket.IO clients (tests/harness.ts).
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, startHarness, type Harness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('console_presence_leave', { worker: false });
});
afterAll(async () => {
  await h?.stop();
});

describe('agents who close the console at once', () => {
  it('are not listed online afterwards, however early the tab went away', async () => {
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    // Close each socket as soon as the connection is open, before the gateway's setup has finished.
    for (let i = 0; i < 30; i++) {
      await new Promise<void>((resolve, reject) => {
        const socket = ioClient(`${h.url}/agents`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
        socket.once('connect', () => {
          socket.disconnect();
          resolve();
        });
        socket.once('connect_error', reject);
      });
    }
    // Past every in-flight setup: nobody may be left online.
    await new Promise((r) => setTimeout(r, 500));
    expect(await h.deps.presence.onlineCount()).toBe(0);
  });
});
