// Helpers for the multi-process worker suites (tests/worker/*.int.test.ts): build and spawn
// `node apps/worker/dist/main.js` configured only by env, a private Redis, and transcript checks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DbHandle } from '@em/db/client';
import type { ChatClient } from '../harness';
import { childEnv } from '../../scripts/lib/env';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const distMain = path.join(repoRoot, 'apps/worker/dist/main.js');
export { sleep, waitFor } from '../support/wait';
export { startPrivateRedis } from '../support/private-services';

const mtime = (file: string) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};
function newestSource(): number {
  // The bundle inlines every workspace package (tsup noExternal @em/*).
  const dirs = [path.join(repoRoot, 'apps/worker/src'), ...readdirSync(path.join(repoRoot, 'packages')).map((p) => path.join(repoRoot, 'packages', p, 'src'))];
  let newest = 0;
  for (const dir of dirs) {
    if (!mtime(dir)) continue;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) newest = Math.max(newest, mtime(path.join(e.parentPath, e.name)));
  }
  return newest;
}

let bundle = distMain;

/**
 * Builds apps/worker (tsup, ~2 s) unless dist/main.js is newer than every source (one build at a
 * time), then spawns from a private copy of the bundle: other people's builds in this shared tree
 * (tsup cleans dist/) must not pull the file from under a worker that is starting. The copy sits in
 * apps/worker/node_modules/.cache so npm dependencies resolve as from dist/; KB_DIR and
 * ROUTER_MODEL_PATH are passed explicitly because the bundle derives them from its own location.
 */
export function ensureWorkerBuilt() {
  if (mtime(distMain) <= newestSource()) {
    const r = spawnSync('flock', ['/tmp/em-worker-build.lock', 'pnpm', '--filter', '@em/worker', 'build'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`worker build failed:\n${r.stdout}\n${r.stderr}`);
  }
  const dir = path.join(repoRoot, 'apps/worker/node_modules/.cache/em-worker-tests', `${process.pid}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  bundle = path.join(dir, 'main.js');
  copyFileSync(distMain, bundle);
  snapshots.push(dir);
}
const snapshots: string[] = [];
/** Removes this process's bundle copies (call from afterAll). */
export function removeWorkerSnapshots() {
  for (const dir of snapshots.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface WorkerProcess {
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit (graceful shutdown). */
  stop: () => Promise<number | null>;
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/** Spawns one worker process (it takes jobs as soon as it has connected; the queue holds them till then). */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const proc = spawn(process.execPath, [bundle], {
    cwd: repoRoot,
    env: childEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KB_DIR: path.join(repoRoot, 'knowledge-base'),
      ROUTER_MODEL_PATH: path.join(repoRoot, 'packages/agents/generated/router-model.json'),
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const kill = async (signal: NodeJS.Signals) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    await exited;
  };
  return {
    proc,
    output: () => out,
    kill,
    stop: async () => {
      await kill('SIGTERM');
      return proc.exitCode;
    },
  };
}

export async function sendAll(socket: ChatClient, texts: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const ack = await socket.timeout(10_000).emitWithAck('message:send', { clientMessageId: randomUUID(), text });
    if (!ack.ok) throw new Error(`send refused: ${ack.error.code}`);
    ids.push(ack.data.messageId);
  }
  return ids;
}

export interface Row {
  id: string;
  conversationId: string;
  seq: number;
  role: string;
  replyTo: string | null;
  text: string;
}

export async function transcripts(dbh: DbHandle, conversationIds: string[]): Promise<Map<string, Row[]>> {
  const rows = await dbh.sql<Row[]>`
    select id, conversation_id as "conversationId", seq, role, reply_to as "replyTo", text
    from messages where conversation_id = any(${conversationIds}::uuid[]) order by conversation_id, seq`;
  const by = new Map<string, Row[]>(conversationIds.map((id) => [id, []]));
  for (const r of rows) by.get(r.conversationId)!.push({ ...r, seq: Number(r.seq) });
  return by;
}

/** Every listed customer message has a bot reply. */
export async function allAnswered(dbh: DbHandle, messageIds: string[]) {
  if (!messageIds.length) return true;
  const [row] = await dbh.sql<{ n: number }[]>`select count(distinct reply_to)::int as n from messages where reply_to = any(${messageIds}::uuid[])`;
  return row!.n === new Set(messageIds).size;
}

/**
 * The invariants of issue 5 for one transcript: seq is 1..n without gaps, every customer message has
 * exactly one reply, and replies come in the order of the messages they answer.
 */
export function checkTranscript(rows: Row[]): string[] {
  const problems: string[] = [];
  rows.forEach((r, i) => r.seq !== i + 1 && problems.push(`seq gap: position ${i + 1} has seq ${r.seq}`));
  const customers = rows.filter((r) => r.role === 'customer');
  const replies = rows.filter((r) => r.replyTo);
  for (const c of customers) {
    const n = replies.filter((r) => r.replyTo === c.id).length;
    if (n !== 1) problems.push(`message seq ${c.seq} has ${n} replies`);
  }
  const seqOf = new Map(customers.map((c) => [c.id, c.seq]));
  const answered = replies.map((r) => seqOf.get(r.replyTo!) ?? -1);
  if (answered.some((s, i) => i > 0 && s < answered[i - 1]!)) problems.push(`replies out of order: ${answered.join(',')}`);
  return problems;
}
