import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@em/contracts/errors';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent, type AgentClient } from '../console/agents-client';
import { hostilePayload } from './hostile';
import { untyped } from '../support/raw-socket';

let h: Harness;
let agent: AgentClient;
let tried = 0;
beforeAll(async () => {
  // Event budget high enough that fuzzing reaches validation; the limit itself is tested below.
  h = await startHarness('fuzzagents', { worker: false, limits: { events: { points: 100_000, durationS: 10 } } });
  const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
  agent = (await connectAgent(h.url, { token })).socket;
});
afterAll(async () => {
  console.log(`fuzz-agents: ${tried} hostile payloads tried`);
  agent?.disconnect();
  await h?.stop();
});

const ACK_EVENTS = ['conversation:claim', 'conversation:release', 'conversation:resolve', 'message:send', 'note:add', 'conversation:watch', 'conversation:reassign'];
type AckResult = { ok: boolean; error?: { code: string; message: string } };

describe('fuzzing every /agents event with hostile payloads', () => {
  it('acked events answer with a documented error code; the socket stays up', async () => {
    const s = untyped(agent);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACK_EVENTS), hostilePayload, async (event, payload) => {
        tried++;
        const res: AckResult = await s.timeout(5000).emitWithAck(event, payload);
        expect(res.ok).toBe(false);
        expect(ERROR_CODES).toContain(res.error!.code);
        expect(res.error!.message).not.toMatch(/stack|at \w+ \(|postgres|drizzle|TypeError/i);
        expect(agent.connected).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('events without acks (typing, presence, unwatch, unknown) are ignored without harm', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('typing', 'presence', 'conversation:unwatch', 'queue:snapshot', '__proto__'), hostilePayload, async (event, payload) => {
        tried++;
        untyped(agent).emit(event, payload);
      }),
      { numRuns: 200 },
    );
    const res = await agent.timeout(5000).emitWithAck('conversation:claim', { conversationId: '00000000-0000-4000-8000-000000000000' });
    expect(res.ok).toBe(false);
    expect(agent.connected).toBe(true);
  });

  it('refuses unauthenticated and forged /agents handshakes', async () => {
    await expect(connectAgent(h.url, {})).rejects.toThrow(/unauthorized/);
    await expect(connectAgent(h.url, { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.' })).rejects.toThrow(/unauthorized/);
    const widget = await h.deps.sessions.sign({ conversationId: crypto.randomUUID(), siteKey: 'demo-site', verified: false });
    await expect(connectAgent(h.url, { token: widget })).rejects.toThrow(/unauthorized/);
  });
});
