// Console claim race benchmark: N customers ask for a person at once, two agents race to claim every
// conversation. Prints one JSON line: wins per agent, conflicts, handoff→queue:updated latency and
// claim ack latency (ms). Run: npx tsx tests/console/bench-claims.ts [N]   (real Redis + Postgres)
import { performance } from 'node:perf_hooks';
import { loginConsole, startHarness } from '../harness';
import { connectAgent } from './agents-client';

const N = Number(process.argv[2] ?? 50);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1));
};

const h = await startHarness('bench_claims', { worker: false });
try {
  const [t1, t2] = await Promise.all([
    loginConsole(h.url, 'agent@electromart.test', 'agent-password'),
    loginConsole(h.url, 'admin@electromart.test', 'admin-password'),
  ]);
  const [a1, a2] = await Promise.all([connectAgent(h.url, { token: t1 }), connectAgent(h.url, { token: t2 })]);
  const customers = await Promise.all(Array.from({ length: N }, () => h.connect()));

  // Handoff → the console sees it in queue:updated.
  const sentAt = new Map<string, number>();
  const seenAfter: number[] = [];
  a1.socket.on('queue:updated', (items) => {
    const now = performance.now();
    for (const i of items) {
      const t = sentAt.get(i.conversationId);
      if (t !== undefined) {
        seenAfter.push(now - t);
        sentAt.delete(i.conversationId);
      }
    }
  });
  await Promise.all(
    customers.map(async ({ socket, ready }) => {
      sentAt.set(ready.conversationId, performance.now());
      await socket.emitWithAck('conversation:request-human', {});
    }),
  );
  while (sentAt.size) await new Promise((r) => setTimeout(r, 20));

  // Both agents claim every conversation at the same moment.
  const claimMs: number[] = [];
  let conflicts = 0;
  const wins = [0, 0];
  await Promise.all(
    customers.flatMap(({ ready }, n) =>
      // Alternate who emits first, so the race is not decided by emit order alone.
      (n % 2 ? [a2.socket, a1.socket] : [a1.socket, a2.socket]).map(async (s) => {
        const i = s === a1.socket ? 0 : 1;
        const t0 = performance.now();
        const r = await s.emitWithAck('conversation:claim', { conversationId: ready.conversationId });
        claimMs.push(performance.now() - t0);
        if (r.ok) wins[i]! += 1;
        else if (r.error.code === 'conflict') conflicts += 1;
      }),
    ),
  );
  a1.socket.disconnect();
  a2.socket.disconnect();
  for (const c of customers) c.socket.disconnect();
  console.log(
    JSON.stringify({
      conversations: N,
      wins,
      conflicts,
      double_claims: wins[0]! + wins[1]! - N,
      queue_updated_p50_ms: pct(seenAfter, 50),
      queue_updated_p95_ms: pct(seenAfter, 95),
      claim_p50_ms: pct(claimMs, 50),
      claim_p95_ms: pct(claimMs, 95),
    }),
  );
} finally {
  await new Promise((r) => setTimeout(r, 300)); // let disconnects (presence leave) finish before closing connections
  await h.stop();
}
