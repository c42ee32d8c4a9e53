// pnpm eval:conversations [FILE|DIR] [--url URL [--db URL]] [--min-pass 0.92] [--only REGEX] [--concurrency N] [--verbose]
// Plays conversation cases against the real graph and a throwaway seeded database (in-process), or
// over /chat on a running gateway (--url), grades every turn against the database and the KB, and
// prints per-case failures, a per-category table and (last line) the contract's JSON summary.
// It is a measurement: exit 0 whatever the score, unless --min-pass is given and not met (1) or
// the runner itself fails (2).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCases, validateRefs } from './lib/eval/cases';
import { KB_DIR } from './lib/eval/graph';
import { staleKbFacts } from './lib/eval/kb-facts';
import { staleI18nFacts } from './lib/eval/i18n-facts';
import { categoryTable, failureLines, summarize } from './lib/eval/report';
import { runCases } from './lib/eval/run';
import type { Player } from './lib/eval/player';
import { repoRoot } from './lib/services';

const DEFAULT_CASES = path.join(repoRoot, 'packages/agents/data/eval/conversations');

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      'min-pass': { type: 'string' },
      only: { type: 'string' },
      concurrency: { type: 'string' },
      db: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const stale = [...staleKbFacts(KB_DIR), ...staleI18nFacts(KB_DIR)];
  if (stale.length) throw new Error(`the KB fact tables (scripts/lib/eval/kb-facts.ts, i18n-facts.ts) no longer match knowledge-base/:\n${stale.join('\n')}`);
  const only = values.only ? new RegExp(values.only, 'i') : null;
  const cases = loadCases(positionals[0] ?? DEFAULT_CASES).filter((c) => !only || only.test(c.id) || only.test(c.category));
  if (!cases.length) throw new Error('no cases to run');

  let player: Player;
  if (values.url) {
    const { startSocketPlayer } = await import('./lib/eval/socket-player');
    player = await startSocketPlayer({ url: values.url, databaseUrl: values.db, concurrency: values.concurrency ? Number(values.concurrency) : undefined });
  } else {
    const { startInProcess } = await import('./lib/eval/in-process');
    player = await startInProcess();
  }
  try {
    validateRefs(cases, player.world);
    console.error(`eval:conversations: ${cases.length} cases, ${player.mode}${values.url ? ` ${values.url}` : ''}`);
    const results = await runCases(player, cases, (_r, done) => {
      if (done % 20 === 0 || done === cases.length) console.error(`  ${done}/${cases.length}`);
    });
    const failures = failureLines(results, { all: values.verbose, replyChars: values.verbose ? 600 : 220 });
    if (failures.length) console.log(['', values.verbose ? 'turns' : 'failures', ...failures].join('\n'));
    console.log(['', ...categoryTable(results), ''].join('\n'));
    const summary = summarize(results);
    console.log(JSON.stringify(summary));
    const minPass = values['min-pass'] ? Number(values['min-pass']) : undefined;
    if (minPass !== undefined && summary.passed / summary.cases < minPass) process.exitCode = 1;
  } finally {
    await player.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(2);
});
