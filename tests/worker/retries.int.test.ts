// Issue 5: transient errors are retried with backoff and still give one real reply; other errors
// are not retried: the customer gets the apology and the error stays on the failed job.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelPort } from '@em/agents/model';
import { AnalyticsEvent } from '@em/contracts/analytics';
import { nextReply, startHarness, type Harness } from '../harness';
import { COPY } from '@em/conversations/copy';

const APOLOGY = COPY.apology;

/** The offline model, except that `respond` throws once per question listed in `failures`. */
const failing = (failures: Map<string, () => Error>) => (offline: ModelPort): ModelPort =>
  new Proxy(offline, {
    get: (t, p, r) =>
      p === 'respond'
        ? (req: { question: string }) => {
            const make = failures.get(req.question);
            if (make) {
              failures.delete(req.question);
              throw make();
            }
            return (t.respond as (x: unknown) => unknown)(req);
          }
        : Reflect.get(t, p, r),
  });

const failures = new Map<string, () => Error>([
  ['What is your return policy?', () => Object.assign(new Error('upstream overloaded'), { status: 503 })],
  ['How much is the Nimbus X5?', () => new TypeError('model output was not a string')],
]);

let h: Harness;
beforeAll(async () => {
  h = await startHarness('wkretries', { model: failing(failures) });
});
afterAll(async () => {
  await h?.stop();
});

describe('retries', () => {
  it('retries a transient model error and replies once with the real answer', async () => {
    const { socket, ready } = await h.connect();
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    if (!ack.ok) throw new Error('send failed');
    const reply = await nextReply(socket, ack.data.messageId, 20_000);
    expect(reply.text).toMatch(/30 days/);
    const job = await h.deps.queue.getJob(ack.data.messageId);
    expect(job?.data).toMatchObject({ retries: 1 });
    const bots = await h.dbh.sql`select id from messages where reply_to = ${ack.data.messageId}`;
    expect(bots).toHaveLength(1);
    // The turn's analytics follow the shared contract, including the graph's usage and fallback.
    const events = await h.dbh.sql<{ type: string; data: Record<string, unknown> }[]>`
      select type, data from conversation_events where conversation_id = ${ready.conversationId} order by id`;
    for (const e of events) expect(AnalyticsEvent.safeParse(e).success, JSON.stringify(e)).toBe(true);
    const aiReply = events.find((e) => e.type === 'ai_reply')?.data;
    expect(aiReply).toMatchObject({ messageId: reply.id, domain: 'support', provider: 'offline', fallback: false, clarifying: false });
    expect(aiReply?.ms).toEqual(expect.any(Number));
  });

  it('does not retry a non-transient error: apology, human offer, error kept on the job', async () => {
    const { socket, ready } = await h.connect();
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'How much is the Nimbus X5?' });
    if (!ack.ok) throw new Error('send failed');
    expect((await nextReply(socket, ack.data.messageId, 20_000)).text).toBe(APOLOGY);
    const job = await h.deps.queue.getJob(ack.data.messageId);
    expect(job?.data).not.toHaveProperty('retries');
    for (let i = 0; i < 50 && (await job!.getState()) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 100));
    const failed = await h.deps.queue.getJob(ack.data.messageId);
    expect(failed?.failedReason).toMatch(/model output was not a string/);
    const events = await h.dbh.sql<{ data: { timedOut: boolean; error: string } }[]>`
      select data from conversation_events where conversation_id = ${ready.conversationId} and type = 'job_failed'`;
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ timedOut: false, error: expect.stringMatching(/TypeError/) })]);
    const [conv] = await h.dbh.sql<{ status: string; escalation_reason: string }[]>`select status, escalation_reason from conversations where id = ${ready.conversationId}`;
    // Offered to a person; nobody is online here, so a ticket holds it and the AI answers meanwhile (DESIGN §5).
    expect(conv).toMatchObject({ status: 'bot', escalation_reason: 'timeout' });
    expect(await h.dbh.sql`select 1 from support_tickets where conversation_id = ${ready.conversationId} and status = 'open'`).toHaveLength(1);
  });
});
