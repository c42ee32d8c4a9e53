import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginConsole, startHarness, type Harness } from '../harness';
import { connectAgent } from './agents-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('agentlimits', { worker: false, limits: { events: { points: 5, durationS: 10 } } });
});
afterAll(async () => h?.stop());

describe('/agents event budget', () => {
  it('a flooding console socket gets rate_limited; another agent is unaffected', async () => {
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    const { socket: flood } = await connectAgent(h.url, { token });
    const { socket: other } = await connectAgent(h.url, { token });
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await flood.emitWithAck('conversation:claim', { conversationId: randomUUID() });
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('not_found'));
    expect(codes.slice(5)).toEqual(Array(3).fill('rate_limited'));
    const res = await other.emitWithAck('conversation:claim', { conversationId: randomUUID() });
    expect(!res.ok && res.error.code).toBe('not_found');
    flood.disconnect();
    other.disconnect();
  });
});
