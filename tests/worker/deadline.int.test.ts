// Issue 5: a model that hangs is aborted at the job deadline; the customer gets an apology and a
// human offer. In-process worker (tests/harness.ts) with a hanging ModelPort.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelPort } from '@em/agents/model';
import { getConversation } from '@em/db/queries/conversations';
import { nextReply, startHarness, type Harness } from '../harness';
import { COPY } from '@em/conversations/copy';

const APOLOGY = COPY.apology;

/** The offline model, except that composing a reply never finishes (and ignores the abort signal). */
const hanging = (offline: ModelPort): ModelPort =>
  new Proxy(offline, { get: (t, p, r) => (p === 'respond' ? () => new Promise(() => {}) : Reflect.get(t, p, r)) });

let h: Harness;
beforeAll(async () => {
  h = await startHarness('wkdeadline', { model: hanging, jobDeadlineMs: 700 });
});
afterAll(async () => {
  await h?.stop();
});

describe('job deadline', () => {
  it('aborts a hanging turn at the deadline, apologises and offers a human', async () => {
    // An agent is online, so the offer is a live wait (with nobody online the AI keeps the chat: tests/console/no-agent-ticket).
    const presence = h.deps.presence;
    await presence.beat({ userId: 'agent-on-duty', name: 'On Duty', status: 'online' });
    const { socket, ready } = await h.connect();
    const status = new Promise<string>((r) => socket.on('conversation:status', (s) => r(s.status)));
    const handoff = new Promise<{ to: string; reason: string }>((r) => socket.on('agent:handoff', (x) => x.to === 'human' && r(x)));
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'What is your return policy?' });
    if (!ack.ok) throw new Error('send failed');
    const reply = await nextReply(socket, ack.data.messageId, 20_000);
    expect(reply.text).toBe(APOLOGY);

    const conv = await waitForStatus(ready.conversationId);
    expect(conv).toMatchObject({ status: 'waiting_human', escalationReason: 'timeout' });
    const failed = await h.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${ready.conversationId} and type = 'job_failed'`;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ messageId: ack.data.messageId, timedOut: true });
    expect(await status).toBe('waiting_human');
    expect(await handoff).toMatchObject({ to: 'human', reason: 'timeout' });

    // The job is marked failed after the apology and the hand-off are out: wait for it, then read it
    // again (a copy fetched while it was still active has no failedReason).
    expect(await waitForJobState(ack.data.messageId, 'failed')).toBe('failed');
    expect((await h.deps.queue.getJob(ack.data.messageId))?.failedReason).toMatch(/deadline/);

    // The AI no longer runs for this conversation: the next messages are stored, not answered,
    // and skipping is not an error (the jobs complete).
    for (const text of ['hello?', 'anyone there?', 'still waiting']) {
      const next = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
      if (!next.ok) throw new Error('send failed');
      expect(await waitForJob(next.data.messageId)).toEqual({ skipped: 'human_owner', latencyMs: expect.any(Number) });
    }
    const sync = await socket.emitWithAck('history:sync', { afterSeq: 0 });
    if (!sync.ok) throw new Error('sync failed');
    expect(sync.data.messages.filter((m) => m.role === 'bot')).toHaveLength(1);
    await presence.leave('agent-on-duty');
  });
});

async function waitForStatus(conversationId: string) {
  for (let i = 0; i < 100; i++) {
    const c = await getConversation(h.dbh.db, conversationId);
    if (c?.status === 'waiting_human') return c;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('conversation never went to waiting_human');
}

async function waitForJob(id: string) {
  for (let i = 0; i < 100; i++) {
    const job = await h.deps.queue.getJob(id);
    // Read the job again once it is completed: the copy fetched before may predate its return value.
    if (job && (await job.getState()) === 'completed') return (await h.deps.queue.getJob(id))!.returnvalue as unknown;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} never completed`);
}

async function waitForJobState(id: string, want: string) {
  let state = 'missing';
  for (let i = 0; i < 100 && state !== want; i++) {
    state = (await (await h.deps.queue.getJob(id))?.getState()) ?? 'missing';
    if (state !== want) await new Promise((r) => setTimeout(r, 100));
  }
  return state;
}
