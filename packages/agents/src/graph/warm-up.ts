import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { runTurn, type SupportGraph } from './create-graph';
import { emptyMemory, type Memory, type TurnInput } from './types';

/**
 * Runs a few read-only turns (a greeting, a policy question, a product question) before the first
 * customer arrives: the catalog terms load, regexes compile and caches fill, so the first real
 * message is not the slow one. A turn without a conversation or a verified customer writes nothing
 * (no order proof, no ticket: the tools need one of them), so no warm-up turn does.
 */
const FIRST_TURNS = ['hello', 'what is your return policy?', 'do you sell headphones?', 'this is the worst, I am furious', 'Wie lange dauert der Versand?'];
export async function warmUp(graph: SupportGraph): Promise<void> {
  await warmJit(graph, FIRST_TURNS, { turns: FIRST_TURNS.length });
}

const Utterance = z.object({ text: z.string().min(1).max(2000) });

/** The `text` of each JSON line of the shop's own utterance file (the router's training phrasings); [] when absent. */
export function readWarmUpTexts(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      if (!line.trim()) return [];
      try {
        const r = Utterance.safeParse(JSON.parse(line));
        return r.success ? [r.data.text] : [];
      } catch {
        return [];
      }
    });
}

/** Turns a warm-up conversation runs before it starts over (history and memory carried between them). */
const TURNS_PER_CONVERSATION = 3;

/**
 * V8 optimises a function only after it has run often: measured with the shop's own phrasings, a
 * fresh worker spends about 8 ms of CPU a turn (a fifth of it compiling) and ≈ 3–4 ms once a thousand
 * turns have run (docs/benchmarks.md, "Sixth pass"). This runs `turns` turns over `texts` in short
 * conversations (so follow-ups with history and memory warm too) in the background, one turn per
 * event-loop turn, so a customer's job waiting meanwhile runs between two of them. Read-only like
 * warmUp (no conversation, no customer). Resolves with the turns run; stops early when `signal` aborts.
 */
export async function warmJit(graph: SupportGraph, texts: readonly string[], opts: { turns: number; signal?: AbortSignal }): Promise<number> {
  if (!texts.length) return 0;
  let history: TurnInput['history'] = [];
  let memory: Memory = emptyMemory();
  let ran = 0;
  for (; ran < opts.turns && !opts.signal?.aborted; ran++) {
    // Let queued I/O (a job, a publish) run before each warm-up turn.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (ran % TURNS_PER_CONVERSATION === 0) {
      history = [];
      memory = emptyMemory();
    }
    const text = texts[ran % texts.length]!;
    const out = await runTurn(graph, { text, history, memory });
    history = [...history, { role: 'customer', text }, { role: 'bot', text: out.reply, agent: out.agent }];
    memory = out.memory;
  }
  return ran;
}
