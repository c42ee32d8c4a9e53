// The load generator behind `pnpm bench:load` and `pnpm bench:baseline`: real socket.io clients,
// each a customer in its own /chat conversation, sending at a fixed total rate.
import { randomUUID } from 'node:crypto';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Message } from '@em/contracts/schemas';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Customer messages per second, across all connections. */
  rate: number;
  durationS: number;
  connectRate: number;
  graceS: number;
  /**
   * Seconds of load at the same rate before the measured window, from separate conversations, whose
   * replies are awaited and not counted: the window then measures processes whose JIT is warm, as in
   * service, not their first seconds (docs/benchmarks.md, "Sixth pass"). 0: measure from a cold start.
   */
  warmupS?: number;
  siteKey: string;
  log?: (s: string) => void;
  /** Called as sending starts (all sockets connected) and once the last reply is in or the grace is over. */
  onPhase?: (phase: 'sending' | 'done') => void;
}

export interface LoadResult {
  connections: number;
  sent: number;
  replied: number;
  lost: number;
  duplicates: number;
  throughput_per_s: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  refused: Record<string, number>;
}

// Questions across the specialists, so the graph does its real work (routing, KB, catalog, promos).
const QUESTIONS = [
  'What is your return policy?',
  'How long does standard shipping take?',
  'Is the code WELCOME10 still valid?',
  'Do you have wireless headphones under $200?',
  'How much is the Nimbus X5?',
  'What does the warranty cover?',
  'Can I pay with PayPal?',
  'Do you price match?',
  'How much is express delivery?',
  'Which 4K TVs do you sell?',
  'hello there',
  'Do you have any promotions right now?',
];

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const log = o.log ?? (() => {});
  const sockets: Socket[] = [];
  const sentAt = new Map<string, number>(); // messageId → send time (ms, performance.now)
  const pendingByClientId = new Map<string, number>();
  const replied = new Set<string>();
  const latencies: number[] = [];
  const refused: Record<string, number> = {};
  let duplicates = 0;
  let sent = 0;
  let refusedMessages = 0;

  // A reply can reach the client before the ack of the message it answers: the gateway writes both
  // to the same socket, and when its event loop was busy the worker's publish and the queue's
  // confirmation are ready in the same poll, in either order. Such a reply waits here for its ack
  // (keyed by the message id the ack will name) instead of being dropped as someone else's.
  const early = new Map<string, number>(); // messageId → arrival (ms, performance.now)
  let beforeAck = 0;
  const answer = (messageId: string, t0: number, at: number) => {
    replied.add(messageId);
    latencies.push(at - t0);
  };
  const onMessage = (m: Message) => {
    if (m.role !== 'bot' || !m.replyTo) return;
    if (replied.has(m.replyTo) || early.has(m.replyTo)) return void duplicates++;
    const t0 = sentAt.get(m.replyTo);
    if (t0 === undefined) return void early.set(m.replyTo, performance.now());
    answer(m.replyTo, t0, performance.now());
  };
  const acked = (messageId: string, t0: number) => {
    sentAt.set(messageId, t0);
    const at = early.get(messageId);
    if (at === undefined) return;
    early.delete(messageId);
    beforeAck++;
    answer(messageId, t0, at);
  };

  // Ramp up at connectRate, in batches every 100 ms, waiting for each session:ready.
  const batch = Math.max(1, Math.round(o.connectRate / 10));
  for (let i = 0; i < o.connections; i += batch) {
    const n = Math.min(batch, o.connections - i);
    const ready = Array.from({ length: n }, () => connectOne(o, onMessage, refused));
    const got = await Promise.all(ready);
    for (const s of got) if (s) sockets.push(s);
    if (i + n < o.connections) await sleep(100);
  }
  log(`connected ${sockets.length}/${o.connections}`);
  if (!sockets.length) throw new Error('no connection succeeded');
  if (o.warmupS) await warmUp(o, log);

  // Fixed total rate: every 5 ms send however many messages the schedule says are due.
  o.onPhase?.('sending');
  const start = performance.now();
  sent = await sendAtRate(sockets, o.rate, o.durationS, (socket, clientMessageId, text) => {
    const t0 = performance.now();
    pendingByClientId.set(clientMessageId, t0);
    socket.emit('message:send', { clientMessageId, text }, (res: SendAck) => {
      pendingByClientId.delete(clientMessageId);
      if (res.ok && res.data) acked(res.data.messageId, t0);
      else {
        refusedMessages++;
        refused[res.error?.code ?? 'unknown'] = (refused[res.error?.code ?? 'unknown'] ?? 0) + 1;
      }
    });
  });
  const sendingS = (performance.now() - start) / 1000;
  log(`sent ${sent} in ${sendingS.toFixed(1)} s; waiting up to ${o.graceS} s for replies`);
  const graceEnd = performance.now() + o.graceS * 1000;
  while (performance.now() < graceEnd && replied.size < sentAt.size + pendingByClientId.size) await sleep(100);
  const lastReply = performance.now();
  const unanswered = [...sentAt.keys()].filter((id) => !replied.has(id));
  // A few ids to look up (messages.id) when something stays unanswered.
  if (unanswered.length) log(`unanswered after the grace: ${unanswered.length} (first: ${unanswered.slice(0, 5).join(', ')}); not acked: ${pendingByClientId.size}`);
  if (beforeAck) log(`replies that arrived before their message's ack: ${beforeAck} (counted)`);
  o.onPhase?.('done');
  for (const s of sockets) s.disconnect();

  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    connections: sockets.length,
    sent,
    replied: replied.size,
    // Acked or never acked, a message without a reply is lost; one refused with an error code is not.
    lost: sent - replied.size - refusedMessages,
    duplicates,
    throughput_per_s: round(replied.size / ((lastReply - start) / 1000)),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    refused,
  };
}

type SendAck = { ok: boolean; data?: { messageId: string }; error?: { code: string } };

/** Sends `rate` messages a second round-robin over `sockets` for `durationS`; returns how many it sent. */
async function sendAtRate(sockets: Socket[], rate: number, durationS: number, send: (socket: Socket, clientMessageId: string, text: string) => void) {
  const start = performance.now();
  const end = start + durationS * 1000;
  let sent = 0;
  let next = 0;
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (sent < due) {
      sent++;
      send(sockets[next++ % sockets.length]!, randomUUID(), QUESTIONS[sent % QUESTIONS.length]!);
    }
    await sleep(5);
  }
  return sent;
}

/**
 * The warm-up (LoadOptions.warmupS): its own conversations (so the measured ones start fresh), the
 * same rate, then up to the grace for its replies, so none of its work falls in the window.
 */
async function warmUp(o: LoadOptions, log: (s: string) => void) {
  const accepted = new Set<string>();
  const answered = new Set<string>();
  // Every reply counts, before its ack or after (see runLoad).
  const onMessage = (m: Message) => void (m.role === 'bot' && m.replyTo && answered.add(m.replyTo));
  // At most three messages a conversation (the generator's questions repeat after twelve; a customer
  // asking the same again is handed to a person, which is not the work measured here).
  const count = Math.min(5000, Math.max(50, Math.ceil((o.rate * (o.warmupS ?? 0)) / 3)));
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 500) {
    const got = await Promise.all(Array.from({ length: Math.min(500, count - i) }, () => connectOne(o, onMessage, {})));
    for (const s of got) if (s) sockets.push(s);
  }
  const sent = await sendAtRate(sockets, o.rate, o.warmupS ?? 0, (socket, clientMessageId, text) => {
    socket.emit('message:send', { clientMessageId, text }, (res: SendAck) => res.ok && res.data && accepted.add(res.data.messageId));
  });
  const graceEnd = performance.now() + o.graceS * 1000;
  while (performance.now() < graceEnd && [...accepted].some((id) => !answered.has(id))) await sleep(100);
  log(`warm-up: ${sent} sent, ${answered.size} answered (not counted)`);
  for (const s of sockets) s.disconnect();
}

function connectOne(o: LoadOptions, onMessage: (m: Message) => void, refused: Record<string, number>): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = ioClient(`${o.url}/chat`, {
      auth: { siteKey: o.siteKey },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 20_000,
    });
    socket.on('message:new', onMessage);
    socket.once('session:ready', () => resolve(socket));
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      const code = `connect_${err.data?.code ?? err.message}`;
      refused[code] = (refused[code] ?? 0) + 1;
      socket.close();
      resolve(null);
    });
  });
}
