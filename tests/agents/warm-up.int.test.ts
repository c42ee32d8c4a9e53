// The worker's JIT warm-up (packages/agents/src/graph/warm-up.ts) on the real graph and database:
// it runs the turns it is asked for, stops when told, and writes nothing, whatever the texts ask.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWarmUpTexts, warmJit } from '@em/agents/graph/warm-up';
import { warmUpTextsFile } from '@em/agents/resources';
import { startGraphSuite, type GraphSuite } from './graph-suite';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let suite: GraphSuite;

beforeAll(async () => {
  suite = await startGraphSuite('warmup');
});
afterAll(async () => {
  await suite?.stop();
});

const rowCounts = async () =>
  (await suite.dbh.sql`select (select count(*) from support_tickets)::int as tickets, (select count(*) from messages)::int as messages,
    (select count(*) from conversation_events)::int as events, (select count(*) from conversations)::int as conversations`)[0];

describe('JIT warm-up', () => {
  it("reads the shop's own phrasings beside the router model, skipping lines that are not {text}", () => {
    const texts = readWarmUpTexts(warmUpTextsFile(path.join(repoRoot, 'packages/agents/generated/router-model.json')));
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);

    const dir = mkdtempSync(path.join(tmpdir(), 'warmup-'));
    const file = path.join(dir, 'u.jsonl');
    writeFileSync(file, ['{"text": "hi there", "domain": "general"}', 'not json', '{"domain": "sales"}', '', '{"text": ""}', '{"text": "where is my order?"}'].join('\n'));
    expect(readWarmUpTexts(file)).toEqual(['hi there', 'where is my order?']);
    expect(readWarmUpTexts(path.join(dir, 'missing.jsonl'))).toEqual([]);
  });

  it('runs the turns asked for, in short conversations, and writes nothing even when a text asks for a ticket or proves an order', async () => {
    const before = await rowCounts();
    const texts = [
      'my laptop screen is broken, please open a support ticket',
      'order EM-10001, my email is alice@example.com',
      'I want to speak to a person now, this is useless',
      'do you sell headphones?',
    ];
    expect(await warmJit(suite.graph, texts, { turns: 7 })).toBe(7);
    expect(await rowCounts()).toEqual(before);
  });

  it('stops when its signal aborts (the worker shutting down) and does nothing without texts', async () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(await warmJit(suite.graph, ['hello'], { turns: 5, signal: aborted.signal })).toBe(0);

    const stop = new AbortController();
    setTimeout(() => stop.abort(), 500);
    const ran = await warmJit(suite.graph, ['hello', 'what is your return policy?', 'do you sell headphones?'], { turns: 100_000, signal: stop.signal });
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(100_000);

    expect(await warmJit(suite.graph, [], { turns: 5 })).toBe(0);
  });
});
