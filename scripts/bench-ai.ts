// pnpm bench:ai — CPU of the offline AI per customer message, and the memory its resources take.
// (1) the offline NLU and composing on their own (spelling, question split, routing, entities,
//     product query parse, complaint + sentiment, KB answer), no database;
// (2) a whole graph turn (LangGraph + tools + the Postgres client's share), measured with
//     process.cpuUsage (this process only, so the database server's own CPU is not counted).
// Messages: the customer turns of the conversation development set. Last line: one JSON object.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { TEST_PG_ADMIN_URL, uniqueName } from '@em/config/test-env';
import { createDb } from '@em/db/client';
import { createDatabase, dropDatabase } from '@em/db/testing';
import { listCatalogTerms } from '@em/db/queries/catalog-search';
import { emptyMemory, runTurn } from '@em/agents/graph';
import { loadAiResources } from '@em/agents/resources';
import { loadCases } from './lib/eval/cases';
import { buildEvalGraph, KB_DIR, ROUTER_MODEL_PATH } from './lib/eval/graph';
import { migrateAndSeed } from './lib/database';
import { repoRoot } from './lib/services';
import { readText } from '@em/agents/nlu/normalize';
import { splitQuestions } from '@em/agents/nlu/segments';
import { extractEntities } from '@em/agents/nlu/entities';
import { parseProductQuery, termsFromRows } from '@em/agents/nlu/product-query';
import { detectComplaint } from '@em/agents/nlu/complaint';
import { analyzeSentiment } from '@em/agents/sentiment';
import { answerFromKb } from '@em/agents/kb/answer';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** In-process V8 profiler (node:inspector): the file opens in Chrome DevTools or speedscope. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

// --dump FILE: the turns' outputs (to prove a change leaves them identical); --profile FILE: a V8 CPU
// profile of the measured graph turns only (no loading, no warm-up), for where a turn's time goes;
// --rounds N: run the turns N times and also print the mean CPU a turn over rounds 2..N (steadier for
// comparing two versions of the graph's machinery; those rounds hit the KB's memo of earlier queries).
const { values: args } = parseArgs({ options: { dump: { type: 'string' }, profile: { type: 'string' }, rounds: { type: 'string' } } });
const texts = loadCases(path.join(repoRoot, 'packages/agents/data/eval/conversations')).flatMap((c) => c.turns.map((t) => t.say));
const dbName = uniqueName('bench_ai');
const url = await createDatabase(TEST_PG_ADMIN_URL, dbName);
await migrateAndSeed(url);
const dbh = createDb(url, { max: 3 });
try {
  global.gc?.();
  const before = rssMb();
  const ai = loadAiResources({ kbDir: KB_DIR, routerModelPath: ROUTER_MODEL_PATH });
  global.gc?.();
  const resourcesMb = rssMb() - before;
  const terms = termsFromRows(await listCatalogTerms(dbh.db));
  const { listProducts } = await import('@em/db/queries/catalog');
  const catalog = await listProducts(dbh.db, 1000);
  const nlu = (text: string) => {
    const read = readText(text, ai.speller, (w) => ai.lexicon?.isKnownWord(w) ?? true);
    for (const q of splitQuestions(read.text)) {
      ai.router.route(q);
      extractEntities(q, catalog);
      parseProductQuery(q, terms);
      answerFromKb(ai.kb, q);
    }
    detectComplaint(text);
    analyzeSentiment(text);
  };
  // Warm the JIT on other questions (the KB memoises repeated queries; the measured ones must be new).
  const warm = readFileSync(path.join(repoRoot, 'packages/agents/data/eval/kb-questions-eval.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
  for (const t of warm) nlu(t);
  const nluMs = texts.map((t) => {
    const c0 = cpuMs();
    nlu(t);
    return cpuMs() - c0;
  });

  const graph = await buildEvalGraph(dbh.db);
  for (const t of warm.slice(0, 80)) await runTurn(graph, { text: `${t} thanks`, history: [], memory: emptyMemory() });
  const turnMs: number[] = [];
  const outputs: string[] = [];
  const profiler = args.profile ? await startProfile() : null;
  const rounds = Math.max(1, Number(args.rounds ?? 1));
  let laterMs = 0;
  for (let round = 1; round <= rounds; round++) {
    const r0 = cpuMs();
    for (const t of texts) {
      const c0 = cpuMs();
      const out = await runTurn(graph, { text: t, history: [], memory: emptyMemory() });
      if (round > 1) continue;
      turnMs.push(cpuMs() - c0);
      const { reply, agent, route, sentiment, escalation, clarifying, language, sources, memory } = out;
      outputs.push(JSON.stringify({ text: t, reply, agent, route, sentiment, escalation, clarifying, language, sources, memory }));
    }
    if (round > 1) laterMs += cpuMs() - r0;
  }
  if (profiler && args.profile) writeFileSync(args.profile, JSON.stringify(await profiler.stop()));
  if (args.dump) writeFileSync(args.dump, `${outputs.join('\n')}\n`);
  const r = (x: number) => Number(x.toFixed(3));
  console.log(`messages: ${texts.length}`);
  console.log(`offline NLU + KB composing (no database): p50 ${r(pct(nluMs, 50))} ms, p95 ${r(pct(nluMs, 95))} ms CPU`);
  console.log(`whole graph turn (LangGraph + tools + pg client, this process): p50 ${r(pct(turnMs, 50))} ms, p95 ${r(pct(turnMs, 95))} ms CPU`);
  if (rounds > 1) console.log(`rounds 2..${rounds}: mean ${r(laterMs / (texts.length * (rounds - 1)))} ms CPU a turn`);
  console.log(`resources (router, KB + phrasing classifier, lexicon + speller): +${r(resourcesMb)} MB RSS`);
  console.log(JSON.stringify({ messages: texts.length, nlu_cpu_p50_ms: r(pct(nluMs, 50)), nlu_cpu_p95_ms: r(pct(nluMs, 95)), turn_cpu_p50_ms: r(pct(turnMs, 50)), turn_cpu_p95_ms: r(pct(turnMs, 95)), resources_rss_mb: r(resourcesMb) }));
} finally {
  await dbh.close();
  await dropDatabase(TEST_PG_ADMIN_URL, dbName);
}
