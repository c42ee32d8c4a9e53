// Multi-process worker suite (issue 5): 200 messages, 20 conversations, 2 worker PROCESSES.
// Heavy: run under `flock /tmp/em-heavy.lock`.
import { TEST_REDIS_URL } from '@em/config/test-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { allAnswered, checkTranscript, ensureWorkerBuilt, removeWorkerSnapshots, sendAll, sleep, spawnWorker, transcripts, waitFor, type WorkerProcess } from './support';

// Questions the offline model answers from data (no escalation), so every one gets an AI reply.
export const QUESTIONS = ['What is your return policy?', 'How much is the Nimbus X5?', 'is WELCOME10 still valid?', 'Do you ship internationally?', 'What is the warranty on laptops?'];

let h: Harness;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  ensureWorkerBuilt();
  h = await startHarness('wkorder', { worker: false });
  const env = { DATABASE_URL: h.dbUrl, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: h.prefix, WORKER_CONCURRENCY: '8' };
  workers.push(await spawnWorker(env), await spawnWorker(env));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  removeWorkerSnapshots();
  await h?.stop();
});

describe('worker processes: exactly one reply per message, in order', () => {
  it('answers 200 messages across 20 conversations through 2 worker processes, in order, without seq gaps', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => h.connect()));
    const texts = Array.from({ length: 10 }, (_, i) => QUESTIONS[i % QUESTIONS.length]!);
    // All conversations send at once; each sends its 10 messages back to back without waiting for replies.
    const t0 = performance.now();
    const ids = (await Promise.all(clients.map((c) => sendAll(c.socket, texts)))).flat();
    expect(ids).toHaveLength(200);
    await waitFor('200 replies', () => allAnswered(h.dbh, ids), 50_000, 100);
    // A figure for the record (never asserted): wall time from the first send to the last reply.
    console.log(`worker-order: 200 messages, 20 conversations, 2 worker processes x 8: ${Math.round(performance.now() - t0)} ms to the last reply`);
    await sleep(500); // room for a (wrong) second reply to show up
    const byConv = await transcripts(h.dbh, clients.map((c) => c.ready.conversationId));
    for (const [id, rows] of byConv) {
      expect(rows.filter((r) => r.role === 'customer'), id).toHaveLength(10);
      expect(checkTranscript(rows), id).toEqual([]);
    }
    const bots = [...byConv.values()].flat().filter((r) => r.role === 'bot');
    expect(bots).toHaveLength(200);
    for (const w of workers) expect(w.proc.exitCode, w.output()).toBeNull();
  }, 90_000);
});
