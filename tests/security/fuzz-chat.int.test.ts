import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@em/contracts/errors';
import { nextReply, startHarness, type ChatClient, type Harness } from '../harness';
import { hostilePayload } from './hostile';
import { untyped, type WireAck } from '../support/raw-socket';

let h: Harness;
let tried = 0;
beforeAll(async () => {
  // Limits high enough that fuzzing reaches validation; flooding has its own tests (tests/gateway/limits).
  h = await startHarness('fuzzchat', {
    limits: { messages: { points: 100_000, durationS: 10, burst: 1, burstDurationS: 60 }, events: { points: 100_000, durationS: 10 } },
  });
});
afterAll(async () => {
  console.log(`fuzz-chat: ${tried} hostile payloads tried`);
  await h?.stop();
});

const ACK_EVENTS = ['message:send', 'conversation:request-human', 'conversation:rate', 'history:sync'] as const;

async function emit(socket: ChatClient, event: string, payload: unknown): Promise<WireAck<any>> {
  const s = untyped(socket);
  return s.timeout(5000).emitWithAck(event, payload);
}

describe('fuzzing every /chat event with hostile payloads', () => {
  for (const event of ACK_EVENTS) {
    it(`${event}: each payload gets ok or a documented error code; the socket stays up`, async () => {
      const { socket } = await h.connect();
      await fc.assert(
        fc.asyncProperty(hostilePayload, async (payload) => {
          tried++;
          const res = await emit(socket, event, payload);
          if (!res.ok) {
            expect(ERROR_CODES).toContain(res.error!.code);
            // Internal details never reach a client.
            expect(res.error!.message).not.toMatch(/stack|at \w+ \(|postgres|drizzle|zod|TypeError/i);
          }
          expect(socket.connected).toBe(true);
        }),
        { numRuns: 120 },
      );
      socket.disconnect();
    });
  }

  it('typing and unknown events with hostile payloads are ignored without harm', async () => {
    const { socket } = await h.connect();
    await fc.assert(
      fc.asyncProperty(hostilePayload, fc.constantFrom('typing', 'admin:drop', '__proto__', 'constructor', 'message:delta'), async (payload, event) => {
        tried++;
        untyped(socket).emit(event, payload);
      }),
      { numRuns: 200 },
    );
    const res = await emit(socket, 'history:sync', { afterSeq: 0 });
    expect(res.ok).toBe(true);
    socket.disconnect();
  });

  it('leaves no prototype pollution behind and keeps serving everyone else', async () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const { socket } = await h.connect();
    const ack = await emit(socket, 'message:send', { clientMessageId: crypto.randomUUID(), text: 'What is your return policy?' });
    expect(ack.ok).toBe(true);
    if (!ack.ok) throw new Error(ack.error.code);
    const reply = await nextReply(socket, ack.data.messageId, 20_000);
    expect(reply.text).toMatch(/30 days/);
  });
});

describe('SQL metacharacters', () => {
  it('reach Postgres only as parameters: stored and returned verbatim, tables intact', async () => {
    const { socket } = await h.connect();
    const texts = ["'; DROP TABLE messages; --", "Robert'); DROP TABLE customers;--", "EM-10003' OR '1'='1", '$1 $$ \\x00 %s %n'];
    for (const text of texts) {
      const ack = await emit(socket, 'message:send', { clientMessageId: crypto.randomUUID(), text });
      expect(ack.ok).toBe(true);
    }
    const sync = await emit(socket, 'history:sync', { afterSeq: 0 });
    if (!sync.ok) throw new Error(sync.error.code);
    const customerTexts = (sync.data.messages as { role: string; text: string }[]).filter((m) => m.role === 'customer').map((m) => m.text);
    expect(customerTexts).toEqual(texts);
    const [{ n }] = await h.dbh.sql<{ n: number }[]>`select count(*)::int as n from customers`;
    expect(n).toBeGreaterThanOrEqual(2);
    socket.disconnect();
  });
});
