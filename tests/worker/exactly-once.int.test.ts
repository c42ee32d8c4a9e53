// Issue 16, survivor 1: exactly one reply per customer message, at the worker level. The same job
// runs again after the first commit, concurrently with itself, and after a "crash" between the reply
// commit and the publish. Real Postgres (unique reply_to), real Redis emitter, a real customer socket.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { Emitter } from '@socket.io/redis-emitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@em/contracts/schemas';
import type { AgentsServerToClientEvents, ChatServerToClientEvents } from '@em/contracts/events';
import { createLogger } from '@em/config/logger';
import { createRedis } from '@em/config/redis';
import { TEST_REDIS_URL } from '@em/config/test-env';
import { listProducts } from '@em/db/queries/catalog';
import { createAnnouncer } from '@em/conversations/announcer';
import { createConversationService } from '@em/conversations/service';
import { createSupportGraph } from '@em/agents/graph';
import { loadKnowledgeBase } from '@em/agents/kb';
import { createRouter, loadRouterModel } from '@em/agents/router';
import { createOfflineModel, type ModelPort } from '@em/agents/model';
import { loadTurnContext } from '@em/db/queries/turn-context';
import { createMessageProcessor, type ProcessResult } from '../../apps/worker/src/process-message';
import { startHarness, type Harness } from '../harness';
import { sleep, waitFor } from './support';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let h: Harness;
let eredis: ReturnType<typeof createRedis>;
let processMessage: ReturnType<typeof createMessageProcessor>;
/** While set, route() calls wait until `n` of them have arrived: both runs are past their "reply exists?" check. */
let barrier: { n: number; arrived: Array<() => void> } | null = null;
/** What each route() call was given (text and history), for the history test. */
const seenRoutes: { text: string; history: { role: string; text: string }[] }[] = [];
/** While > 0, the step after the reply commit throws once per count: the worker "dies" before its publish. */
let crashAfterCommit = 0;
/** While set, respond() streams the reply in pieces this far apart (ms), like a network model. */
let streamEveryMs = 0;

beforeAll(async () => {
  h = await startHarness('wkonce', { worker: false });
  const router = createRouter(loadRouterModel(path.join(repoRoot, 'packages/agents/generated/router-model.json')));
  const offline = createOfflineModel(router);
  const model: ModelPort = {
    name: offline.name,
    async route(req) {
      seenRoutes.push({ text: req.text, history: req.history });
      const b = barrier;
      if (b) {
        await new Promise<void>((resolve) => {
          b.arrived.push(resolve);
          if (b.arrived.length >= b.n) for (const r of b.arrived) r();
        });
      }
      return offline.route(req);
    },
    analyze: (req) => offline.analyze(req),
    async respond(req) {
      const out = await offline.respond(req);
      if (streamEveryMs && req.onDelta) {
        for (const piece of out.value.match(/\S+\s*/g) ?? []) {
          req.onDelta(piece);
          await sleep(streamEveryMs);
        }
      }
      return out;
    },
  };
  const graph = createSupportGraph({
    db: h.dbh.db,
    kb: loadKnowledgeBase(path.join(repoRoot, 'knowledge-base')),
    router,
    model,
    catalog: await listProducts(h.dbh.db, 1000),
  });
  eredis = createRedis(TEST_REDIS_URL);
  const announce = createAnnouncer({
    chat: new Emitter<ChatServerToClientEvents>(eredis, { key: h.deps.keys.socketIo }).of('/chat'),
    agents: new Emitter<AgentsServerToClientEvents>(eredis, { key: h.deps.keys.socketIo }).of('/agents'),
  });
  processMessage = createMessageProcessor({
    db: h.dbh.db,
    graph,
    conversations: createConversationService({ db: h.dbh.db, presence: h.deps.presence, announce }),
    announce,
    logger: createLogger('test', 'silent'),
    async afterCommit() {
      if (crashAfterCommit > 0) {
        crashAfterCommit--;
        throw new Error('worker died after the reply commit');
      }
    },
  });
}, 120_000);
afterAll(async () => {
  eredis?.disconnect();
  await h?.stop();
});

/** A customer message accepted by the gateway (no worker runs here: the test drives the job). */
async function customerSays(text: string) {
  const { socket, ready } = await h.connect();
  const seen: Message[] = [];
  socket.on('message:new', (m) => m.role === 'bot' && seen.push(m));
  const ack = await socket.timeout(10_000).emitWithAck('message:send', { clientMessageId: randomUUID(), text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  const job = { messageId: ack.data.messageId, conversationId: ready.conversationId, seq: ack.data.seq };
  return { socket, job, seen };
}
/** A customer's chat whose messages the test sends one by one, each returning its job data. */
async function openChat() {
  const { socket, ready } = await h.connect();
  const send = async (text: string) => {
    const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
    if (!ack.ok) throw new Error('send refused');
    return { messageId: ack.data.messageId, conversationId: ready.conversationId, seq: ack.data.seq };
  };
  return { socket, send };
}
async function botRows(messageId: string) {
  return h.dbh.sql<{ id: string }[]>`select id from messages where reply_to = ${messageId} and role = 'bot'`;
}
const replyIdOf = (r: ProcessResult) => ('replyId' in r ? r.replyId : undefined);
/** Waits until the customer has seen `n` announcements of `id` (each run that finds it re-announces). */
const announced = (seen: Message[], id: string, n: number) =>
  waitFor(`${n} announcement(s) of ${id}`, () => seen.filter((m) => m.id === id).length >= n, 5000, 20);

describe('worker: exactly one reply per customer message', () => {
  it('the same job run again after the commit reports a duplicate and re-announces the same reply', async () => {
    const { socket, job, seen } = await customerSays('What is your return policy?');
    const first = await processMessage(job);
    const replyId = replyIdOf(first)!;
    expect(first).toEqual({ replyId, replySeq: job.seq + 1 });
    await announced(seen, replyId, 1);
    for (let run = 2; run <= 3; run++) {
      expect(await processMessage(job)).toEqual({ replyId, duplicate: true });
      await announced(seen, replyId, run);
    }
    expect((await botRows(job.messageId)).map((r) => r.id)).toEqual([replyId]);
    expect(new Set(seen.map((m) => m.id))).toEqual(new Set([replyId]));
    socket.disconnect();
  });

  it('two runs of the same job at once: one bot row, the other run reports a duplicate and re-announces the same reply id', async () => {
    const { socket, job, seen } = await customerSays('How much is the Nimbus X5?');
    barrier = { n: 2, arrived: [] };
    const results = await Promise.all([processMessage(job), processMessage(job)]).finally(() => (barrier = null));
    const rows = await botRows(job.messageId);
    expect(rows).toHaveLength(1);
    expect(results.filter((r) => 'duplicate' in r && r.duplicate)).toHaveLength(1);
    const winner = results.find((r) => !('duplicate' in r))!;
    expect(winner).toEqual({ replyId: rows[0]!.id, replySeq: job.seq + 1 });
    // The loser names the winner's reply and publishes it again (the widget de-duplicates by id).
    expect(results.find((r) => 'duplicate' in r)).toEqual({ replyId: rows[0]!.id, duplicate: true });
    await announced(seen, rows[0]!.id, 2);
    expect(new Set(seen.map((m) => m.id))).toEqual(new Set([rows[0]!.id]));
    socket.disconnect();
  });

  it('a run that dies after the reply commit and before the publish: the retry publishes that reply; the next turn reads the memory stored with it', async () => {
    const { socket, job, seen } = await customerSays('Do you ship internationally?');
    crashAfterCommit = 1;
    await expect(processMessage(job)).rejects.toThrow('worker died after the reply commit');
    const [row] = await botRows(job.messageId);
    expect(row).toBeDefined(); // committed…
    await sleep(300);
    expect(seen).toEqual([]); // …but never published

    expect(await processMessage(job)).toEqual({ replyId: row!.id, duplicate: true });
    await announced(seen, row!.id, 1);
    expect(await botRows(job.messageId)).toHaveLength(1);
    // The memory lives with the reply in Postgres: the customer's next message reads it back.
    const [{ memory }] = await h.dbh.sql<{ memory: { lastTopic?: string } }[]>`select details->'memory' as memory from messages where id = ${row!.id}`;
    expect(memory.lastTopic).toBeTruthy();
    const next = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text: 'and to Canada?' });
    if (!next.ok) throw new Error('send refused');
    expect((await loadTurnContext(h.dbh.db, job.conversationId, next.data.messageId)).memory).toEqual(memory);
    socket.disconnect();
  });

  it('a run that dies after committing an escalating reply: the retry finishes the hand-over once', async () => {
    const { socket, job } = await customerSays('I want to talk to a person please');
    crashAfterCommit = 1;
    await expect(processMessage(job)).rejects.toThrow('worker died');
    const status = async () => (await h.dbh.sql<{ status: string }[]>`select status from conversations where id = ${job.conversationId}`)[0]!.status;
    expect(await status()).toBe('bot'); // the escalation never happened
    const [row] = await botRows(job.messageId);
    expect(await processMessage(job)).toEqual({ replyId: row!.id, duplicate: true });
    // Nobody is online here: handed over, a ticket opened, and back to the AI meanwhile (DESIGN §5).
    const changes = async () =>
      (await h.dbh.sql<{ s: string }[]>`
        select data->>'status' as s from conversation_events where conversation_id = ${job.conversationId} and type = 'status_changed' order by id`).map((r) => r.s);
    expect(await changes()).toEqual(['waiting_human', 'bot']);
    const [{ reason }] = await h.dbh.sql<{ reason: string }[]>`select escalation_reason as reason from conversations where id = ${job.conversationId}`;
    expect(reason).toBe('customer_request');
    // A third run finds the hand-over done: no second status change, no second ticket.
    await processMessage(job);
    expect(await changes()).toEqual(['waiting_human', 'bot']);
    expect(await h.dbh.sql`select 1 from support_tickets where conversation_id = ${job.conversationId}`).toHaveLength(1);
    socket.disconnect();
  });
});

describe('worker: finishing an escalation after a crash respects what happened since', () => {
  const changes = async (conversationId: string) =>
    (await h.dbh.sql<{ s: string }[]>`
      select data->>'status' as s from conversation_events where conversation_id = ${conversationId} and type = 'status_changed' order by id`).map((r) => r.s);

  it('the chat was handed over (and back) after the reply: the retry does not escalate a second time', async () => {
    const { socket, job } = await customerSays('I want to talk to a person please');
    crashAfterCommit = 1;
    await expect(processMessage(job)).rejects.toThrow('worker died');
    // Meanwhile the customer pressed "talk to a person": nobody online, a ticket, back to the AI.
    await socket.emitWithAck('conversation:request-human', {});
    expect(await changes(job.conversationId)).toEqual(['waiting_human', 'bot']);
    await processMessage(job);
    expect(await changes(job.conversationId)).toEqual(['waiting_human', 'bot']);
    socket.disconnect();
  });

  it('an ownership change from before the reply does not stop the retry from finishing the escalation', async () => {
    const { socket, job } = await customerSays('I want to talk to a person please');
    // An earlier era of the chat: a status change a minute before this message.
    await h.dbh.sql`insert into conversation_events (conversation_id, type, data, created_at)
      values (${job.conversationId}, 'status_changed', ${JSON.stringify({ status: 'bot', reason: 'handed_back' })}::jsonb, now() - interval '1 minute')`;
    crashAfterCommit = 1;
    await expect(processMessage(job)).rejects.toThrow('worker died');
    await processMessage(job);
    expect(await changes(job.conversationId)).toEqual(['bot', 'waiting_human', 'bot']);
    socket.disconnect();
  });
});

describe('worker: what one turn writes and announces', () => {
  it('a reply made in one piece: no typing, no deltas, just the reply; the turn, its ai_reply and its memory are stored', async () => {
    const { socket, job, seen } = await customerSays('What is your return policy?');
    const events: string[] = [];
    socket.on('typing', (t) => t.actor === 'bot' && events.push(`typing:${t.isTyping}`));
    socket.on('message:delta', () => events.push('delta'));
    const before = performance.now();
    const out = await processMessage(job);
    const took = performance.now() - before;
    const replyId = replyIdOf(out)!;
    await announced(seen, replyId, 1);
    await sleep(400); // past the typing delay: nothing else may arrive
    expect(events).toEqual([]);
    const reply = seen.find((m) => m.id === replyId)!;
    expect(reply).toMatchObject({ role: 'bot', replyTo: job.messageId, conversationId: job.conversationId, agent: 'support' });
    expect(reply.meta?.route?.domain).toBe('support');

    const [event] = await h.dbh.sql<{ data: Record<string, unknown> }[]>`
      select data from conversation_events where conversation_id = ${job.conversationId} and type = 'ai_reply'`;
    expect(event!.data).toMatchObject({ messageId: replyId, domain: 'support', agent: 'support', clarifying: false, handoffs: 0 });
    // The turn's duration, as the dashboard averages it: within what the call took, measured outside.
    expect(event!.data.ms).toEqual(expect.any(Number));
    expect(event!.data.ms as number).toBeGreaterThanOrEqual(0);
    expect(event!.data.ms as number).toBeLessThanOrEqual(Math.ceil(took));
    const [{ memory, totalMs }] = await h.dbh.sql<{ memory: { lastAgent?: string }; totalMs: number }[]>`
      select details->'memory' as memory, (details->>'totalMs')::float as "totalMs" from messages where id = ${replyId}`;
    expect(memory).toMatchObject({ lastAgent: 'support' });
    expect(totalMs).toBeGreaterThan(0);
    expect(totalMs).toBeLessThanOrEqual(took);
    // The language the message was read in is stored on it (the dashboard's conversations by language).
    const [{ language }] = await h.dbh.sql<{ language: string | null }[]>`select language from messages where id = ${job.messageId}`;
    expect(language).toBe('en');
    socket.disconnect();
  });

  it('a streaming model: typing on, deltas under the reply id that add up to it, the reply, typing off', async () => {
    const { socket, job, seen } = await customerSays('What is your return policy?');
    const events: string[] = [];
    const deltas: { messageId: string; delta: string }[] = [];
    socket.on('typing', (t) => t.actor === 'bot' && events.push(`typing:${t.isTyping}`));
    socket.on('message:delta', (d) => {
      deltas.push(d);
      if (events.at(-1) !== 'delta') events.push('delta');
    });
    socket.on('message:new', (m) => m.role === 'bot' && events.push('reply'));
    streamEveryMs = 15;
    const out = await processMessage(job).finally(() => (streamEveryMs = 0));
    const replyId = replyIdOf(out)!;
    await announced(seen, replyId, 1);
    await waitFor('typing off', () => events.includes('typing:false'), 5000, 20);
    expect(events[0]).toBe('typing:true');
    expect(events).toContain('delta');
    expect(events.indexOf('delta')).toBeLessThan(events.indexOf('reply'));
    expect(events.indexOf('reply')).toBeLessThan(events.indexOf('typing:false'));
    expect(new Set(deltas.map((d) => d.messageId))).toEqual(new Set([replyId]));
    expect(deltas.map((d) => d.delta).join('')).toBe(seen.find((m) => m.id === replyId)!.text);
    socket.disconnect();
  });

  it('a message too short to tell its language is stored in the conversation\'s language', async () => {
    const { socket, job } = await customerSays('ok');
    await processMessage(job);
    const [{ language }] = await h.dbh.sql<{ language: string | null }[]>`select language from messages where id = ${job.messageId}`;
    expect(language).toBe('en');
    socket.disconnect();
  });

  it('the next turn starts from the memory the previous reply stored (not afresh)', async () => {
    const { socket, send } = await openChat();
    const memoryOf = async (r: ProcessResult) =>
      (await h.dbh.sql<{ memory: { lastProductSkus: string[]; lastAgent?: string } }[]>`select details->'memory' as memory from messages where id = ${replyIdOf(r)!}`)[0]!.memory;
    const first = await memoryOf(await processMessage(await send('How much is the Nimbus X5?')));
    expect(first.lastProductSkus.length).toBeGreaterThan(0);
    // A turn that names no product keeps the product the conversation is about.
    const second = await memoryOf(await processMessage(await send('thanks')));
    expect(second.lastProductSkus).toEqual(first.lastProductSkus);
    socket.disconnect();
  });

  it('hand-offs between specialists inside the turn are announced to the customer, before the reply', async () => {
    const { socket, job, seen } = await customerSays('How much is the Nimbus X5, and do you ship internationally?');
    const order: string[] = [];
    const handoffs: { from: string; to: string }[] = [];
    socket.on('agent:handoff', (h) => (handoffs.push(h), order.push('handoff')));
    socket.on('message:new', (m) => m.role === 'bot' && order.push('reply'));
    const replyId = replyIdOf(await processMessage(job))!;
    await announced(seen, replyId, 1);
    const [{ stored }] = await h.dbh.sql<{ stored: { from: string; to: string }[] }[]>`select details->'handoffs' as stored from messages where id = ${replyId}`;
    expect(stored.length).toBeGreaterThan(0);
    await waitFor('the hand-offs', () => handoffs.length >= stored.length, 5000, 20);
    expect(handoffs.map((x) => `${x.from}→${x.to}`)).toEqual(stored.map((x) => `${x.from}→${x.to}`));
    expect(order.indexOf('handoff')).toBeLessThan(order.indexOf('reply'));
    socket.disconnect();
  });

  it('the earlier turns reach the model as history, oldest first, without the message itself', async () => {
    const { socket, send } = await openChat();
    await processMessage(await send('How much is the Nimbus X5?'));
    seenRoutes.length = 0;
    await processMessage(await send('and is it in stock?'));
    expect(seenRoutes).toHaveLength(1);
    expect(seenRoutes[0]!.text).toBe('and is it in stock?');
    expect(seenRoutes[0]!.history.map((l) => l.role)).toEqual(['customer', 'bot']);
    expect(seenRoutes[0]!.history[0]!.text).toBe('How much is the Nimbus X5?');
    socket.disconnect();
  });

  it('a conversation a person owns: skipped before the model runs, no typing, no bot row', async () => {
    const { socket, job } = await customerSays('What is your return policy?');
    await h.dbh.sql`update conversations set status = 'human' where id = ${job.conversationId}`;
    const typing: unknown[] = [];
    socket.on('typing', (t) => typing.push(t));
    seenRoutes.length = 0;
    expect(await processMessage(job)).toEqual({ skipped: 'human_owner' });
    await sleep(200);
    expect(seenRoutes).toEqual([]);
    expect(typing).toEqual([]);
    expect(await botRows(job.messageId)).toHaveLength(0);
    socket.disconnect();
  });

  it('a job that names no customer message of its conversation fails for good', async () => {
    const { socket, job } = await customerSays('What is your return policy?');
    const other = await customerSays('Do you ship internationally?');
    await expect(processMessage({ ...job, conversationId: other.job.conversationId })).rejects.toThrow(UnrecoverableError);
    // The job's error names what is wrong (it is what bull-board and the logs show).
    await expect(processMessage({ ...job, conversationId: other.job.conversationId })).rejects.toThrow(
      `message ${job.messageId} is not a customer message of conversation ${other.job.conversationId}`,
    );
    await expect(processMessage({ conversationId: job.conversationId, messageId: job.messageId })).rejects.toThrow(/^invalid job data: .+/);
    await expect(processMessage({ conversationId: job.conversationId, messageId: job.messageId })).rejects.not.toThrow(/invalid job data: $/);
    const replyId = replyIdOf(await processMessage(job))!;
    await expect(processMessage({ ...job, messageId: replyId })).rejects.toThrow(UnrecoverableError); // a bot row
    await expect(processMessage({ ...job, messageId: randomUUID() })).rejects.toThrow(UnrecoverableError);
    await expect(processMessage({ conversationId: job.conversationId })).rejects.toThrow(UnrecoverableError);
    socket.disconnect();
    other.socket.disconnect();
  });
});
