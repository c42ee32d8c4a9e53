// In-process platform for integration tests: real Postgres (own database), real Redis (own key
// prefix), real BullMQ queue, real Socket.IO server with the Redis adapter, real LangGraph worker.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import os from 'node:os';
import { rm } from 'node:fs/promises';
import { Queue, QueueEvents } from 'bullmq';
import { io as ioClient, type Socket } from 'socket.io-client';
import { MESSAGES_QUEUE, type MessageJob } from '@em/contracts/jobs';
import type { ChatClientToServerEvents, ChatServerToClientEvents, SessionReady } from '@em/contracts/events';
import type { Message } from '@em/contracts/schemas';
import { createLogger } from '@em/config/logger';
import { createRedis, redisKeys } from '@em/config/redis';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, uniqueName } from '@em/config/test-env';
import { createDb, type DbHandle } from '@em/db/client';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { listProducts } from '@em/db/queries/catalog';
import { createSupportGraph } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import { createOfflineModel, type ModelPort } from '@em/agents/model';
import { createGateway } from '../apps/gateway/src/gateway';
import { createHttpApp } from '../apps/gateway/src/http/app';
import { createSessionTokens } from '../apps/gateway/src/session-token';
import { createConsoleTokens } from '../apps/gateway/src/console/console-tokens';
import type { GatewayDeps, SiteConfig } from '../apps/gateway/src/deps';
import { createMetrics } from '../apps/gateway/src/metrics';
import { createLimits, DEFAULT_LIMITS, type LimitConfig } from '../apps/gateway/src/limits';
import { createPresence } from '@em/conversations/presence';
import { createSiteSettings } from '@em/conversations/site-settings';
import { createWorker, type SupportWorker } from '../apps/worker/src/worker';
import { createDiskStorage } from '../apps/gateway/src/attachments/disk-storage';
import type { BlobStorage } from '../apps/gateway/src/attachments/storage';
import { migrateAndSeed } from '../scripts/lib/database';

export const IDENTITY_SECRET = 'test-identity-secret-0123456789';
export const SESSION_SECRET = 'test-session-secret-0123456789';
const repoRoot = path.resolve(import.meta.dirname, '..');

export type ChatClient = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export interface Harness {
  url: string;
  /** The suite's own database (for spawning extra gateway processes against it). */
  dbUrl: string;
  dbh: DbHandle;
  /** The gateway's dependencies, plus a QueueEvents of the suite's queue for job.waitUntilFinished. */
  deps: GatewayDeps & { queueEvents: QueueEvents };
  prefix: string;
  connect: (auth?: Record<string, unknown>) => Promise<{ socket: ChatClient; ready: SessionReady }>;
  stop: () => Promise<void>;
}

/**
 * Per-IP limits are raised by default: every suite connects from 127.0.0.1 many times. Message
 * limits stay as in production. Suites that test limits pass their own.
 */
export const HARNESS_LIMITS: LimitConfig = {
  ...DEFAULT_LIMITS,
  connectionsPerIp: { points: 10_000, durationS: 60 },
  httpPerIp: { points: 10_000, durationS: 60 },
  loginAttemptsPerIp: { points: 10_000, durationS: 60 },
};

export interface HarnessOptions {
  /** Run the in-process worker (default true). */
  worker?: boolean;
  limits?: Partial<LimitConfig>;
  /** Replace the model the graph uses; receives the offline model (e.g. to wrap it). */
  model?: (offline: ModelPort) => ModelPort;
  /** Per-job deadline (ms) of the in-process worker (default 30 s, as in production). */
  jobDeadlineMs?: number;
  /** Production behaviour where it differs (demo passwords refused). */
  production?: boolean;
  /** A test's own Redis (e.g. one it restarts); default the shared TEST_REDIS_URL. */
  redisUrl?: string;
  /** Email follow-up (issue 20): the suite's mail producer (its own queue name), built on the suite's database and keys. */
  mail?: (db: DbHandle['db'], keys: ReturnType<typeof redisKeys>) => NonNullable<GatewayDeps['mail']>;
  /** Where uploads go; default a disk store in the suite's own temporary folder (removed by stop()). */
  storage?: BlobStorage;
  /** Sites besides demo-site (e.g. with business hours), as SITES_JSON would configure them. */
  sites?: SiteConfig[];
  /** A test clock for business hours (gateway and worker); the real time by default. */
  now?: () => Date;
}

export async function startHarness(label: string, opts: HarnessOptions = {}): Promise<Harness> {
  const dbName = uniqueName(label);
  const redisUrl = opts.redisUrl ?? TEST_REDIS_URL;
  const dbUrl = await createDatabase(TEST_PG_ADMIN_URL, dbName);
  await migrateAndSeed(dbUrl);
  const dbh = createDb(dbUrl, { max: 10 });
  const prefix = dbName;
  const uploadsDir = path.join(os.tmpdir(), `${dbName}-uploads`);
  const logger = createLogger('test', 'silent');
  const redis = createRedis(redisUrl);
  const pub = createRedis(redisUrl);
  const sub = pub.duplicate();
  const qconn = createRedis(redisUrl, { maxRetriesPerRequest: null });
  const keys = redisKeys(prefix);
  const queue = new Queue<MessageJob>(MESSAGES_QUEUE, { connection: qconn, prefix: keys.bull });
  const econn = createRedis(redisUrl, { maxRetriesPerRequest: null });
  const queueEvents = new QueueEvents(MESSAGES_QUEUE, { connection: econn, prefix: keys.bull });
  const metrics = createMetrics();
  const sites: SiteConfig[] = [{ siteKey: 'demo-site', identitySecret: IDENTITY_SECRET, allowedOrigins: ['http://shop.test'] }, ...(opts.sites ?? [])];
  const deps: GatewayDeps & { queueEvents: QueueEvents } = {
    db: dbh.db,
    redis,
    pubClient: pub,
    subClient: sub,
    queue,
    queueEvents,
    logger,
    sites,
    siteSettings: createSiteSettings({ db: dbh.db, sites, now: opts.now }),
    now: opts.now,
    sessions: createSessionTokens(SESSION_SECRET),
    platformOrigins: ['http://localhost:3000'],
    consoleTokens: createConsoleTokens('test-console-secret-0123456789'),
    secureCookies: false,
    refuseDemoPasswords: opts.production ?? false,
    keys,
    presence: createPresence(redis, keys),
    metrics,
    limits: createLimits({ redis, keys, metrics, logger }, { ...HARNESS_LIMITS, ...opts.limits }),
    storage: opts.storage ?? createDiskStorage(uploadsDir),
  };
  if (opts.mail) deps.mail = opts.mail(dbh.db, keys);
  const server: HttpServer = createServer(createHttpApp(deps));
  const io = createGateway(server, deps);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let worker: SupportWorker | undefined;
  const wconn = createRedis(redisUrl, { maxRetriesPerRequest: null });
  const eredis = createRedis(redisUrl);
  const wqconn = createRedis(redisUrl, { maxRetriesPerRequest: null });
  if (opts.worker !== false) {
    const ai = loadAiResources({ kbDir: path.join(repoRoot, 'knowledge-base'), routerModelPath: path.join(repoRoot, 'packages/agents/generated/router-model.json') });
    const offline = createOfflineModel(ai.router);
    const graph = createSupportGraph({
      db: dbh.db,
      ...ai,
      model: opts.model ? opts.model(offline) : offline,
      catalog: await listProducts(dbh.db, 1000),
    });
    // The worker exactly as apps/worker/src/main.ts wires it (order, deadline, apology, conversation core).
    worker = createWorker({
      db: dbh.db,
      graph,
      logger,
      keys,
      redis,
      emitterRedis: eredis,
      workerConnection: wconn,
      queueConnection: wqconn,
      followUp: deps.mail?.followUp,
      options: {
        concurrency: 4,
        deadlineMs: opts.jobDeadlineMs ?? 30_000,
        maxRetries: 3,
        siteHours: Object.fromEntries(sites.flatMap((s) => (s.hours ? [[s.siteKey, s.hours]] : []))),
      },
      now: opts.now,
    });
  }

  // Reconnects are ioredis' job; a test that restarts its Redis must not see unhandled 'error' events.
  for (const c of [redis, pub, sub, qconn, econn, wconn, eredis, wqconn]) c.on('error', () => {});

  const sockets: ChatClient[] = [];
  const connect = (auth: Record<string, unknown> = { siteKey: 'demo-site' }) =>
    new Promise<{ socket: ChatClient; ready: SessionReady }>((resolve, reject) => {
      const socket: ChatClient = ioClient(`${url}/chat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once('session:ready', (ready) => resolve({ socket, ready }));
      socket.once('connect_error', (err) => reject(err));
    });

  return {
    url,
    dbUrl,
    dbh,
    deps,
    prefix,
    connect,
    async stop() {
      for (const s of sockets) s.disconnect();
      // Consoles that disconnected just before stop() still leave presence and broadcast it over
      // Redis; closing the connections under them would surface as unhandled "Connection is closed".
      for (let i = 0; i < 40 && (await redis.zcard(keys.presence).catch(() => 0)) > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 100));
      await worker?.close();
      await new Promise<void>((r) => io.close(() => r()));
      await queueEvents.close();
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      const leftover = await redis.keys(keys.pattern);
      if (leftover.length) await redis.del(...leftover);
      for (const c of [redis, pub, sub, qconn, econn, wconn, eredis, wqconn]) c.disconnect();
      await dbh.close();
      await dropDatabase(TEST_PG_ADMIN_URL, dbName);
      await rm(uploadsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves with the bot reply to `messageId`, or rejects after `ms`. A reply can arrive before the
 * caller starts waiting (the offline turn takes milliseconds): like the widget, it then resyncs with
 * history:sync and finds it there.
 */
export function nextReply(socket: ChatClient, messageId: string, ms = 10_000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${messageId} within ${ms} ms`)), ms);
    const done = (m: Message) => {
      clearTimeout(timer);
      socket.off('message:new', onMsg);
      resolve(m);
    };
    const onMsg = (m: Message) => {
      if (m.role === 'bot' && m.replyTo === messageId) done(m);
    };
    socket.on('message:new', onMsg);
    socket.emitWithAck('history:sync', { afterSeq: 0 }).then(
      (r) => {
        const stored = r.ok ? r.data.messages.find((m) => m.role === 'bot' && m.replyTo === messageId) : undefined;
        if (stored) done(stored);
      },
      () => {},
    );
  });
}

/** Logs a seeded console user in over HTTP; returns the bearer token. */
export async function loginConsole(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
