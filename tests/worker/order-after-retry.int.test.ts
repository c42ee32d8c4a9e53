// Issue 16, survivor 8 (ordering): replies come in the order of the messages, checked in the fast
// (parallel) set too, not only by the process suites. The first message's turn hits a transient error
// twice and is retried 0.5 s, then 1 s later; the second message, already queued and free to take the
// conversation's lock meanwhile, must wait for it instead of overtaking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelPort } from '@em/agents/model';
import { startHarness, type Harness } from '../harness';
import { allAnswered, checkTranscript, sendAll, transcripts, waitFor } from './support';

/** route() fails twice, like a dropped connection, for a message containing this marker. */
const FLAKY = 'return policy';
let failures = 0;
/** When each route() call for the flaky message started (ms). */
const calls: number[] = [];
const flakyTwice = (offline: ModelPort): ModelPort => ({
  name: offline.name,
  async route(req) {
    if (req.text.includes(FLAKY)) {
      calls.push(Date.now());
      if (failures < 2) {
        failures++;
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
    }
    return offline.route(req);
  },
  analyze: (req) => offline.analyze(req),
  respond: (req) => offline.respond(req),
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness('wkretryord', { model: flakyTwice });
});
afterAll(async () => h?.stop());

describe('per-conversation order survives a retry', () => {
  it('the message after a retried one is answered after it', async () => {
    const { socket, ready } = await h.connect();
    const ids = await sendAll(socket, [`What is your ${FLAKY}?`, 'How much is the Nimbus X5?', 'Do you ship internationally?']);
    await waitFor('all answered', () => allAnswered(h.dbh, ids), 20_000, 50);
    expect(failures).toBe(2);
    expect((await h.deps.queue.getJob(ids[0]!))?.data).toMatchObject({ retries: 2 }); // it really was retried
    // Backoff 0.5 s × 2ⁿ: the second retry waits about twice as long as the first.
    expect(calls).toHaveLength(3);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(450);
    expect(calls[2]! - calls[1]!).toBeGreaterThanOrEqual(900);
    const rows = (await transcripts(h.dbh, [ready.conversationId])).get(ready.conversationId)!;
    expect(checkTranscript(rows)).toEqual([]);
    const replies = rows.filter((r) => r.role === 'bot').map((r) => r.replyTo);
    expect(replies).toEqual(ids);
    // The retry answered: no apology (job_failed) was recorded.
    const failed = await h.dbh.sql`select id from conversation_events where conversation_id = ${ready.conversationId} and type = 'job_failed'`;
    expect(failed).toHaveLength(0);
    socket.disconnect();
  });
});
