// Loads case files (one JSON array per category file, or one file) and checks that every fact
// reference resolves against the World before anything runs: a typo in a product name is a
// dataset error, not a bot failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CaseFile, type Case, type FactRef } from './case-schema';
import { checkTruth, resolveRef, type EvalLang } from './resolve';
import type { World } from './world';

export function loadCases(fileOrDir: string): Case[] {
  const files = statSync(fileOrDir).isDirectory()
    ? readdirSync(fileOrDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(fileOrDir, f))
    : [fileOrDir];
  const cases: Case[] = [];
  for (const f of files) {
    const parsed = CaseFile.safeParse(JSON.parse(readFileSync(f, 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`${f}: invalid cases\n${issues.join('\n')}`);
    }
    cases.push(...parsed.data);
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}

/** Every reference of every case resolves (throws UnknownFactError naming the case otherwise). */
export function validateRefs(cases: Case[], world: World): void {
  const problems: string[] = [];
  const visit = (id: string, refs: FactRef[], facts: boolean, lang: EvalLang) => {
    for (const r of refs) {
      try {
        resolveRef(r, world, lang);
        if (facts) checkTruth(r, world);
      } catch (err) {
        problems.push(`${id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  for (const c of cases) {
    c.turns.forEach((t, i) => {
      visit(`${c.id} turn ${i + 1}`, t.expect.facts, true, t.expect.language ?? 'en');
      visit(`${c.id} turn ${i + 1}`, t.expect.notFacts, false, t.expect.language ?? 'en');
    });
  }
  if (problems.length) throw new Error(`cases reference facts that do not exist:\n${problems.join('\n')}`);
}
