// A steady stream of customers for fault tests. Each behaves like the widget: resumes its session by
// token after a reconnect, asks history:sync for what it missed, and retries an unacknowledged send
// with the same clientMessageId until the gateway acks it. Afterwards the test checks that every
// acked message got exactly one reply.
import { randomUUID } from 'node:crypto';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { Message } from '@em/contracts/schemas';

// Each customer walks this list from its own offset: asking the same thing twice in a row tells
// the assistant it did not help (a miss), and two misses rightly hand the chat to a person.
const QUESTIONS = [
  'What is your return policy?',
  'How long does standard shipping take?',
  'Is WELCOME10 still valid?',
  'Do you price match?',
  'How much is express delivery?',
  'What does the warranty cover?',
  'Can I pay with PayPal?',
  'Do you ship internationally?',
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Customer {
  socket: Socket;
  token?: string;
  maxSeq: number;
  outbox: Map<string, { text: string; inFlight: boolean }>;
  asked: number;
}

export interface StreamStats {
  acked: number;
  unacked: number;
  replied: number;
  lost: string[];
  duplicates: number;
  resyncs: number;
  ackErrors: Record<string, number>;
}

export function startCustomerStream(o: { url: string; customers: number; intervalMs: number; siteKey?: string }) {
  const acked = new Set<string>();
  const replies = new Map<string, Set<string>>(); // customer message id → distinct bot reply ids
  const ackErrors: Record<string, number> = {};
  let resyncs = 0;
  let producing = true;

  const record = (m: Message) => {
    if (m.role !== 'bot' || !m.replyTo) return;
    const set = replies.get(m.replyTo) ?? new Set<string>();
    set.add(m.id);
    replies.set(m.replyTo, set);
  };

  const customers: Customer[] = Array.from({ length: o.customers }, () => {
    // The auth callback runs at each (re)connect, after `c` exists: it resumes with the latest token.
    const socket: Socket = ioClient(`${o.url}/chat`, {
      auth: (cb) => cb({ siteKey: o.siteKey ?? 'demo-site', ...(c.token ? { sessionToken: c.token } : {}) }),
      transports: ['websocket'],
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
      timeout: 5000,
    });
    const c: Customer = { socket, maxSeq: 0, outbox: new Map(), asked: 0 };
    const see = (m: Message) => {
      c.maxSeq = Math.max(c.maxSeq, m.seq);
      record(m);
    };
    c.socket.on('message:new', see);
    c.socket.on('session:ready', (ready: { sessionToken: string; messages: Message[] }) => {
      const resumed = Boolean(c.token);
      c.token = ready.sessionToken;
      ready.messages.forEach(see);
      if (!resumed) return;
      resyncs++;
      c.socket.timeout(5000).emit('history:sync', { afterSeq: c.maxSeq }, (err: Error | null, res: { ok: boolean; data?: { messages: Message[] } }) => {
        if (!err && res.ok) res.data!.messages.forEach(see);
      });
    });
    return c;
  });

  const flush = (c: Customer) => {
    if (!c.socket.connected) return;
    for (const [clientMessageId, item] of c.outbox) {
      if (item.inFlight) continue;
      item.inFlight = true;
      c.socket.timeout(5000).emit('message:send', { clientMessageId, text: item.text }, (err: Error | null, res: { ok: boolean; data?: { messageId: string }; error?: { code: string } }) => {
        item.inFlight = false;
        if (!err && res.ok) {
          acked.add(res.data!.messageId);
          c.outbox.delete(clientMessageId);
        } else {
          const code = err ? 'timeout' : (res.error?.code ?? 'unknown');
          ackErrors[code] = (ackErrors[code] ?? 0) + 1;
        }
      });
    }
  };

  const tick = setInterval(() => {
    customers.forEach((c, i) => {
      // One new message per customer per tick, but never more than 3 waiting: like a person typing.
      if (producing && c.outbox.size < 3) c.outbox.set(randomUUID(), { text: QUESTIONS[(i + c.asked++) % QUESTIONS.length]!, inFlight: false });
      flush(c);
    });
  }, o.intervalMs);

  const stats = (): StreamStats => {
    const lost = [...acked].filter((id) => !replies.get(id)?.size);
    return {
      acked: acked.size,
      unacked: customers.reduce((s, c) => s + c.outbox.size, 0),
      replied: [...acked].filter((id) => replies.get(id)?.size).length,
      lost,
      duplicates: [...replies.values()].filter((s) => s.size > 1).length,
      resyncs,
      ackErrors,
    };
  };

  return {
    stats,
    ackedIds: () => [...acked],
    /** Stops producing, waits until every send is acked and every acked message answered (or the timeout). */
    async drain(timeoutMs = 60_000): Promise<StreamStats> {
      producing = false;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const s = stats();
        if (s.unacked === 0 && s.lost.length === 0) break;
        await sleep(200);
      }
      clearInterval(tick);
      for (const c of customers) c.socket.disconnect();
      return stats();
    },
  };
}
