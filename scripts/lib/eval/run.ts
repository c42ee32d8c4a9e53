// Plays every case on a Player (with its concurrency) and grades each turn.
import type { Case } from './case-schema';
import { gradeTurn } from './check';
import type { Player } from './player';
import type { CaseResult } from './report';

export async function runCases(player: Player, cases: Case[], onCase?: (r: CaseResult, done: number) => void): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  let done = 0;
  async function lane() {
    while (next < cases.length) {
      const i = next++;
      const c = cases[i]!;
      const observations = await player.play(c);
      const turns = await Promise.all(c.turns.map(async (t, j) => {
        const obs = observations[j] ?? { text: '', replied: false, escalated: false, latencyMs: 0, error: 'not played' };
        return { obs, grade: await gradeTurn(t.expect, obs, player.world) };
      }));
      results[i] = { case: c, turns };
      onCase?.(results[i], ++done);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, player.concurrency) }, lane));
  return results;
}
