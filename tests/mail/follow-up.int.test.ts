// Email follow-up (issue 20) end to end: real gateway + worker + Postgres + Redis + BullMQ
// (tests/harness.ts), the mail queue and processor as the worker wires them, and a throwaway SMTP
// server (smtp-sink.ts). Nobody online → a ticket → a guest is asked for an email and is mailed
// the ticket; a verified customer is mailed without being asked; an agent's replies to a customer
// who has left are mailed in one batch with a link back (and not while they are there); SMTP down
// → retried, then failed and visible, the mail kept and sent again; the transcript on request.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { identityHash } from '@em/config/identity';
import { createRedis } from '@em/config/redis';
import { TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import type { Message } from '@em/contracts/schemas';
import { createMailProducer, type MailProducer } from '@em/mail/producer';
import { createSmtpTransport } from '@em/mail/smtp';
import { createMailWorker, type MailWorker } from '../../apps/worker/src/mail-worker';
import { IDENTITY_SECRET, SESSION_SECRET, loginConsole, startHarness, type ChatClient, type Harness } from '../harness';
import { connectAgent, nextEvent, waitUntil, type AgentClient } from '../console/agents-client';
import { startSmtpSink } from './smtp-sink';

// Wide enough that two replies sent back to back land in one batch even on a loaded CI machine.
const BATCH_MS = 3000;
let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let producer: MailProducer;
let mailWorker: MailWorker;
const conns: Redis[] = [];
const conn = () => {
  const c = createRedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  c.on('error', () => {});
  conns.push(c);
  return c;
};

beforeAll(async () => {
  smtp = await startSmtpSink();
  const queueName = uniqueName('mail');
  h = await startHarness('mail_followup', {
    mail: (db, keys) => {
      producer = createMailProducer({
        db,
        connection: conn(),
        prefix: keys.bull,
        queueName,
        linkSecret: SESSION_SECRET,
        widgetUrl: 'http://localhost:3000/widget',
        options: { attempts: 3, backoffMs: 100, batchMs: BATCH_MS },
      });
      return producer;
    },
  });
  mailWorker = createMailWorker({
    db: h.dbh.db,
    logger: h.deps.logger,
    connection: conn(),
    prefix: h.deps.keys.bull,
    producer,
    transport: createSmtpTransport(smtp.url),
    from: 'ElectroMart Support <support@electromart.test>',
  });
});
afterAll(async () => {
  await mailWorker?.close();
  await producer?.queue.obliterate({ force: true }).catch(() => {});
  await producer?.close();
  await h?.stop();
  for (const c of conns) c.disconnect();
  await smtp?.close();
});

const say = async (socket: ChatClient, text: string) => {
  const ack = await socket.emitWithAck('message:send', { clientMessageId: randomUUID(), text });
  if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
  return ack.data.messageId;
};
const systemMessage = (socket: ChatClient, re: RegExp) => nextEvent<Message>(socket, 'message:new', (m) => m.role === 'system' && re.test(m.text), 10_000);
const outbox = (conversationId: string) =>
  h.dbh.sql<{ id: string; kind: string; status: string; attempts: number; last_error: string | null; to_address: string; text_body: string }[]>`
    select id, kind, status, attempts, last_error, to_address, text_body from mail_outbox where conversation_id = ${conversationId} order by created_at`;
const ticketOf = async (conversationId: string) =>
  (await h.dbh.sql<{ ticket_number: string }[]>`select ticket_number from support_tickets where conversation_id = ${conversationId}`)[0]?.ticket_number;

describe('ticket confirmation when nobody is online', () => {
  it('a guest is asked for an email, answers by typing it, and receives a mail naming the ticket', async () => {
    const { socket, ready } = await h.connect();
    const ask = systemMessage(socket, /leave your email address/);
    const formShown = nextEvent<{ requested: boolean }>(socket, 'conversation:email-requested', (e) => e.requested);
    expect(await socket.emitWithAck('conversation:request-human', {})).toEqual({ ok: true, data: { status: 'bot' } });
    await ask;
    await formShown;
    // A reload still shows the form (session:ready says the chat waits for an address).
    const again = await h.connect({ siteKey: 'demo-site', sessionToken: ready.sessionToken });
    expect(again.ready.emailRequested).toBe(true);
    again.socket.disconnect();
    const formHidden = nextEvent<{ requested: boolean }>(socket, 'conversation:email-requested', (e) => !e.requested);
    const ticket = await ticketOf(ready.conversationId);
    expect(ticket).toMatch(/^TK-/);
    expect(await outbox(ready.conversationId)).toEqual([]); // nothing mailed before an address is known

    // The guest types just their address: it stays a normal message and answers the request.
    const thanks = systemMessage(socket, new RegExp(`confirmation of ticket ${ticket}`));
    await say(socket, 'Guest.One@Example.com');
    expect((await thanks).text).toContain('guest.one@example.com');
    await formHidden;
    const mail = await smtp.next((m) => m.to.includes('guest.one@example.com'));
    expect(mail.subject).toContain(ticket);
    expect(mail.text).toContain(`support ticket ${ticket}`);
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/widget\?siteKey=demo-site#resume=/);
    await waitUntil(async () => (await outbox(ready.conversationId))[0]?.status === 'sent');
    expect(await outbox(ready.conversationId)).toEqual([
      expect.objectContaining({ kind: 'ticket_confirmation', status: 'sent', attempts: 1, to_address: 'guest.one@example.com', last_error: null }),
    ]);
    const stored = await h.dbh.sql`select contact_email, email_requested_at from conversations where id = ${ready.conversationId}`;
    expect(stored[0]).toEqual({ contact_email: 'guest.one@example.com', email_requested_at: null });
    socket.disconnect();
  });

  it('a guest gives the email through conversation:email (validated), in their language', async () => {
    const { socket, ready } = await h.connect();
    // A German conversation: the notices and the mail follow the customer's language.
    const q = await say(socket, 'Hallo, wie lange dauert der Versand nach Deutschland?');
    await nextEvent<Message>(socket, 'message:new', (m) => m.role === 'bot' && m.replyTo === q, 20_000);
    const ask = systemMessage(socket, /E-Mail-Adresse/);
    await socket.emitWithAck('conversation:request-human', {});
    await ask;
    const bad = await socket.emitWithAck('conversation:email', { email: 'not-an-address' });
    expect(!bad.ok && bad.error.code).toBe('invalid_payload');
    const ack = await socket.emitWithAck('conversation:email', { email: 'kunde@example.de' });
    const ticket = await ticketOf(ready.conversationId);
    expect(ack).toEqual({ ok: true, data: { email: 'kunde@example.de', ticketNumber: ticket } });
    const mail = await smtp.next((m) => m.to.includes('kunde@example.de'));
    expect(mail.subject).toBe(`Ihr Support-Ticket ${ticket} — ElectroMart Support`);
    expect(mail.text).toContain(`das Support-Ticket ${ticket}`);
    socket.disconnect();
  });

  it('a verified customer is mailed at their own address without being asked', async () => {
    const email = 'alice@example.com';
    const { socket, ready } = await h.connect({ siteKey: 'demo-site', identity: { email, name: 'Alice Martin', hash: identityHash(email, IDENTITY_SECRET) } });
    const notices: string[] = [];
    socket.on('message:new', (m) => m.role === 'system' && notices.push(m.text));
    await socket.emitWithAck('conversation:request-human', {});
    const ticket = await ticketOf(ready.conversationId);
    const mail = await smtp.next((m) => m.to.includes(email) && m.subject.includes(ticket!));
    expect(mail.text).toContain(`support ticket ${ticket}`);
    expect(notices.join(' ')).toMatch(/follow up with you by email/);
    expect(notices.join(' ')).not.toMatch(/leave your email/);
    // Asking again points to the same ticket and mails nothing more.
    await socket.emitWithAck('conversation:request-human', {});
    await new Promise((r) => setTimeout(r, 300));
    expect((await outbox(ready.conversationId)).filter((m) => m.kind === 'ticket_confirmation')).toHaveLength(1);
    socket.disconnect();
  });
});

describe('transcript on request', () => {
  it('asks for an address when none is known, then mails the whole conversation', async () => {
    const { socket, ready } = await h.connect();
    const q = await say(socket, 'What is your return policy?');
    await nextEvent<Message>(socket, 'message:new', (m) => m.role === 'bot' && m.replyTo === q, 20_000);
    expect(await socket.emitWithAck('conversation:transcript', {})).toEqual({ ok: true, data: { status: 'email_needed' } });
    expect(await socket.emitWithAck('conversation:transcript', { email: 'reader@example.com' })).toEqual({ ok: true, data: { status: 'queued', email: 'reader@example.com' } });
    const mail = await smtp.next((m) => m.to.includes('reader@example.com'));
    expect(mail.subject).toBe('Your conversation with ElectroMart Support');
    expect(mail.text).toContain('You:\nWhat is your return policy?');
    expect(mail.text).toMatch(/Assistant:\n[^]*30 days/);
    // The address is remembered: a second request needs none.
    expect(await socket.emitWithAck('conversation:transcript', {})).toEqual({ ok: true, data: { status: 'queued', email: 'reader@example.com' } });
    await waitUntil(async () => (await outbox(ready.conversationId)).filter((m) => m.status === 'sent').length === 2);
    socket.disconnect();
  });
});

describe('SMTP down', () => {
  it('retries with backoff, then marks the mail failed with its error (visible in the console), keeps it, and an agent sends it again', async () => {
    const deadQueue = uniqueName('maildead');
    const dead = createMailProducer({
      db: h.dbh.db,
      connection: conn(),
      prefix: h.deps.keys.bull,
      queueName: deadQueue,
      linkSecret: SESSION_SECRET,
      widgetUrl: 'http://localhost:3000/widget',
      options: { attempts: 3, backoffMs: 100, batchMs: BATCH_MS },
    });
    // Nothing listens on port 1: every attempt is refused.
    const deadWorker = createMailWorker({ db: h.dbh.db, logger: h.deps.logger, connection: conn(), prefix: h.deps.keys.bull, producer: dead, transport: createSmtpTransport('smtp://127.0.0.1:1'), from: 'support@electromart.test' });
    try {
      const { socket, ready } = await h.connect();
      await say(socket, 'Hello there');
      await dead.followUp.transcript({ conversationId: ready.conversationId, to: 'down@example.com' });
      await waitUntil(async () => (await outbox(ready.conversationId))[0]?.status === 'failed', 15_000);
      const [row] = await outbox(ready.conversationId);
      expect(row).toMatchObject({ status: 'failed', attempts: 3, to_address: 'down@example.com' });
      expect(row!.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(row!.text_body).toContain('Hello there');

      // The console brief lists it as failed, with the error.
      const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
      const auth = { authorization: `Bearer ${token}` };
      const listed = (await (await fetch(`${h.url}/api/conversations/${ready.conversationId}/mails`, { headers: auth })).json()) as { mails: { id: string; status: string; attempts: number; lastError?: string }[] };
      expect(listed.mails).toEqual([expect.objectContaining({ id: row!.id, status: 'failed', attempts: 3, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) })]);

      // "Send again" goes through the platform's own (working) mail queue: delivered, nothing lost.
      const retry = await fetch(`${h.url}/api/conversations/${ready.conversationId}/mails/${row!.id}/retry`, { method: 'POST', headers: auth });
      expect(retry.status).toBe(200);
      const mail = await smtp.next((m) => m.to.includes('down@example.com'));
      expect(mail.text).toContain('Hello there');
      await waitUntil(async () => (await outbox(ready.conversationId))[0]?.status === 'sent');
      expect((await outbox(ready.conversationId))[0]).toMatchObject({ status: 'sent', attempts: 4, last_error: null });
      socket.disconnect();
    } finally {
      await deadWorker.close();
      await dead.queue.obliterate({ force: true }).catch(() => {});
      await dead.close();
    }
  });
});

describe("an agent's replies", () => {
  let agent: AgentClient | undefined;
  afterAll(async () => {
    agent?.disconnect();
    await waitUntil(async () => (await h.deps.redis.zcard(h.deps.keys.presence)) === 0).catch(() => {});
  });

  it('are mailed, batched, with a link back, when the customer has left; not while they are there', async () => {
    const token = await loginConsole(h.url, 'agent@electromart.test', 'agent-password');
    agent = (await connectAgent(h.url, { token })).socket;
    await waitUntil(async () => (await h.deps.presence.onlineCount()) > 0);

    const { socket, ready } = await h.connect();
    const conversationId = ready.conversationId;
    expect(await socket.emitWithAck('conversation:email', { email: 'away@example.com' })).toEqual({ ok: true, data: { email: 'away@example.com' } });
    await socket.emitWithAck('conversation:request-human', {});
    expect(await agent.emitWithAck('conversation:claim', { conversationId })).toEqual({ ok: true, data: { conversationId } });
    const reply = (text: string) => agent!.emitWithAck('message:send', { conversationId, clientMessageId: randomUUID(), text });

    // While the customer's tab is connected: no mail.
    const seen = nextEvent<Message>(socket, 'message:new', (m) => m.role === 'human');
    expect((await reply('Hi, I am looking into it.')).ok).toBe(true);
    await seen;
    await new Promise((r) => setTimeout(r, BATCH_MS + 1500));
    expect((await outbox(conversationId)).filter((m) => m.kind === 'agent_reply')).toEqual([]);

    // The customer leaves; a burst of replies makes one mail with all of them.
    socket.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    await reply('Your replacement ships today.');
    await reply('The tracking number follows by email.');
    const mail = await smtp.next((m) => m.to.includes('away@example.com') && /New reply/.test(m.subject), 15_000);
    expect(mail.text).toContain('Your replacement ships today.');
    expect(mail.text).toContain('The tracking number follows by email.');
    expect(mail.text).not.toContain('I am looking into it');
    await new Promise((r) => setTimeout(r, BATCH_MS));
    expect((await outbox(conversationId)).filter((m) => m.kind === 'agent_reply')).toHaveLength(1);

    // The link back reopens this conversation for whoever holds the mail, and only it.
    const resume = /#resume=([\w.-]+)/.exec(mail.text)?.[1];
    expect(resume).toBeDefined();
    const back = await h.connect({ siteKey: 'demo-site', resumeToken: resume });
    expect(back.ready.conversationId).toBe(conversationId);
    expect(back.ready.verified).toBe(false);
    expect(back.ready.messages.map((m) => m.text)).toContain('Your replacement ships today.');
    back.socket.disconnect();
    const forged = `${resume!.split('.')[0]}.${'A'.repeat(43)}`;
    await expect(h.connect({ siteKey: 'demo-site', resumeToken: forged })).rejects.toThrow(/unauthorized/);
    // A link to an address the conversation no longer follows up with stops working.
    await h.dbh.sql`update conversations set contact_email = 'new@example.com' where id = ${conversationId}`;
    await expect(h.connect({ siteKey: 'demo-site', resumeToken: resume })).rejects.toThrow(/unauthorized/);
  });
});
