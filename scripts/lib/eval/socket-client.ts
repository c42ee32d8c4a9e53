// One customer on a running gateway's /chat namespace (real socket.io-client), as the widget is:
// sends `message:send`, waits for the bot `message:new` that answers it (replyTo), and collects the
// handoff, status and system messages that follow it.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { identityHash } from '@em/config/identity';
import type { ChatClientToServerEvents, ChatServerToClientEvents, MessageSendAck, SessionReady } from '@em/contracts/events';
import type { Result } from '@em/contracts/errors';
import type { Message } from '@em/contracts/schemas';
import type { Observation } from './check';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export interface ChatClientOptions {
  url: string;
  siteKey: string;
  identity?: { email: string; name?: string; secret: string };
  /** How long to wait for the bot's answer (ms). */
  replyTimeoutMs: number;
  /** After the answer, how long to keep collecting the turn's handoff and system messages (ms). */
  settleMs: number;
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ChatClient {
  session: SessionReady;
  /** Current ownership as last announced (bot, waiting_human, human, resolved). */
  status(): string;
  say(text: string): Promise<Observation>;
  close(): void;
}

export async function connectChat(opts: ChatClientOptions): Promise<ChatClient> {
  const auth = {
    siteKey: opts.siteKey,
    ...(opts.identity ? { identity: { email: opts.identity.email, name: opts.identity.name, hash: identityHash(opts.identity.email, opts.identity.secret) } } : {}),
  };
  const socket: ChatSocket = io(`${opts.url.replace(/\/$/, '')}/chat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const session = await new Promise<SessionReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no session:ready within 10 s')), 10_000);
    socket.once('session:ready', (s) => (clearTimeout(timer), resolve(s)));
    socket.once('connect_error', (err) => (clearTimeout(timer), reject(new Error(`connect_error: ${err.message}`))));
  });
  let status: string = session.status;
  // Everything that arrives, in order; each turn reads what came after its send.
  const inbox: Array<{ kind: 'message'; m: Message } | { kind: 'handoff'; to: string } | { kind: 'status'; status: string }> = [];
  socket.on('message:new', (m) => inbox.push({ kind: 'message', m }));
  socket.on('agent:handoff', (h) => inbox.push({ kind: 'handoff', to: h.to }));
  socket.on('conversation:status', (s) => {
    status = s.status;
    inbox.push({ kind: 'status', status: s.status });
  });

  async function send(text: string): Promise<MessageSendAck> {
    const payload = { clientMessageId: randomUUID(), text };
    for (let attempt = 0; ; attempt++) {
      const res = (await socket.timeout(10_000).emitWithAck('message:send', payload)) as Result<MessageSendAck>;
      if (res.ok) return res.data;
      // The gateway allows 10 messages per 10 s per socket: back off and resend (same id = idempotent).
      if (res.error.code !== 'rate_limited' || attempt >= 5) throw new Error(`message:send refused: ${res.error.code}`);
      await sleep(2000);
    }
  }

  async function say(text: string): Promise<Observation> {
    const from = inbox.length;
    const t0 = performance.now();
    let ack: MessageSendAck;
    try {
      ack = await send(text);
    } catch (err) {
      return { text: '', replied: false, escalated: false, latencyMs: 0, error: err instanceof Error ? err.message : String(err) };
    }
    const isReply = (e: (typeof inbox)[number]) => e.kind === 'message' && e.m.role === 'bot' && e.m.replyTo === ack.messageId;
    // A human owns the chat: the AI is silent by design, so don't wait the full timeout for it.
    const timeout = status === 'waiting_human' || status === 'human' ? Math.min(opts.replyTimeoutMs, 8000) : opts.replyTimeoutMs;
    const deadline = performance.now() + timeout;
    while (performance.now() < deadline && !inbox.slice(from).some(isReply)) await sleep(25);
    const reply = inbox.slice(from).find(isReply);
    const latencyMs = performance.now() - t0;
    if (reply) await sleep(opts.settleMs);
    const events = inbox.slice(from);
    const system = events.flatMap((e) => (e.kind === 'message' && e.m.role === 'system' ? [e.m.text] : []));
    const escalated = events.some((e) => e.kind === 'handoff' && e.to === 'human');
    if (!reply || reply.kind !== 'message') {
      return { text: system.join('\n'), replied: false, escalated, latencyMs, error: `no bot reply within ${timeout} ms (status ${status})` };
    }
    return { text: [reply.m.text, ...system].join('\n'), replied: true, route: reply.m.meta?.route?.domain, escalated, latencyMs };
  }

  return { session, status: () => status, say, close: () => void socket.close() };
}
