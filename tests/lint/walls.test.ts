// The walls of eslint.config.mjs (scripts/lint/walls.mjs) and the cycle check (scripts/lib/cycles.ts)
// fail deliberate violations: each snippet is linted as if it lived at the given path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCycles, importGraph, sourceFiles } from '../../scripts/lib/cycles';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids that fire on `code` placed at `file` (repo-relative). */
async function rulesAt(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('packages/db imports only @em/contracts and its drivers', () => {
  it.each(["import Redis from 'ioredis';", "import type { Server } from 'socket.io';", "import { Queue } from 'bullmq';", "import { redisKeys } from '@em/config/redis';", "import { createGraph } from '@em/agents/graph';"])(
    'refuses %s',
    async (line) => {
      expect(await rulesAt('packages/db/src/queries/wall-probe.ts', `${line}\nexport {};\n`)).toContain('no-restricted-imports');
    },
  );
  it('allows contracts, drizzle, postgres, zod, node builtins and its own files', async () => {
    const code = [
      "import { sql } from 'drizzle-orm';",
      "import { pgTable } from 'drizzle-orm/pg-core';",
      "import postgres from 'postgres';",
      "import { z } from 'zod';",
      "import { randomUUID } from 'node:crypto';",
      "import { Role } from '@em/contracts/schemas';",
      "import { notes } from './notes';",
      "import { conversations } from '../schema/index';",
      'export const all = [sql, pgTable, postgres, z, randomUUID, Role, notes, conversations];',
    ].join('\n');
    expect(await rulesAt('packages/db/src/queries/wall-probe.ts', code)).toEqual([]);
  });
  it('its tests may also use vitest and the test-service URLs', async () => {
    const code = "import { it } from 'vitest';\nimport { TEST_REDIS_URL } from '@em/config/test-env';\nexport const x = [it, TEST_REDIS_URL];\n";
    expect(await rulesAt('packages/db/src/queries/wall-probe.test.ts', code)).toEqual([]);
  });
});

describe("no workspace reaches into another's src/", () => {
  it("refuses '@em/<pkg>/src/…' from an app", async () => {
    expect(await rulesAt('apps/gateway/src/wall-probe.ts', "import { listNotes } from '@em/db/src/queries/notes';\nexport { listNotes };\n")).toContain('no-restricted-imports');
  });
  it('refuses a relative import from an app into a package or another app', async () => {
    expect(await rulesAt('apps/gateway/src/console/wall-probe.ts', "import { listNotes } from '../../../../packages/db/src/queries/notes';\nexport { listNotes };\n")).toContain('walls/no-cross-workspace-relative');
    expect(await rulesAt('apps/worker/src/wall-probe.ts', "export * from '../../gateway/src/limits';\n")).toContain('walls/no-cross-workspace-relative');
    expect(await rulesAt('packages/contracts/src/wall-probe.ts', "const m = await import('../../db/src/client');\nexport { m };\n")).toContain('walls/no-cross-workspace-relative');
  });
  it('refuses a relative import from the root into a package, allows one into an app (no exports map)', async () => {
    expect(await rulesAt('tests/wall-probe.test.ts', "import { createDb } from '../packages/db/src/client';\nexport { createDb };\n")).toContain('walls/no-cross-workspace-relative');
    expect(await rulesAt('tests/wall-probe.test.ts', "import { createGateway } from '../apps/gateway/src/gateway';\nexport { createGateway };\n")).toEqual([]);
  });
  it('allows relative imports inside one workspace and package names across', async () => {
    expect(await rulesAt('apps/gateway/src/console/wall-probe.ts', "import { limits } from '../limits';\nimport { listNotes } from '@em/db/queries/notes';\nexport { limits, listNotes };\n")).toEqual([]);
  });
});

describe('process.env is read only in env.ts', () => {
  it('refuses process.env and its import elsewhere', async () => {
    expect(await rulesAt('packages/config/src/wall-probe.ts', 'export const port = process.env.PORT;\n')).toContain('no-restricted-properties');
    expect(await rulesAt('apps/gateway/src/wall-probe.ts', 'const { env } = process;\nexport const port = env.PORT;\n')).toContain('no-restricted-properties');
    expect(await rulesAt('apps/worker/src/wall-probe.ts', "import { env } from 'node:process';\nexport const port = env.PORT;\n")).toContain('no-restricted-imports');
  });
  it('allows it in env.ts files', async () => {
    for (const file of ['apps/gateway/src/env.ts', 'packages/config/src/env.ts', 'scripts/lib/env.ts', 'e2e/env.ts']) {
      expect(await rulesAt(file, 'export const port = process.env.PORT;\n')).toEqual([]);
    }
  });
});

describe('import cycle check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'em-cycles-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

  it('finds a two-file cycle', () => {
    write('a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    write('b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    write('c.ts', "import { a } from './a';\nexport const c = a;\n");
    const cycles = findCycles(importGraph(sourceFiles([dir])));
    expect(cycles.map((c) => c.map((f) => path.basename(f)))).toEqual([['a.ts', 'b.ts']]);
  });

  it('ignores type-only imports (erased at run time) and finds a cycle through a re-export', () => {
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(tmpdir(), 'em-cycles-'));
    write('a.ts', "import type { B } from './b';\nexport type A = { b?: B };\nexport const a = 1;\n");
    write('b.ts', "import { type A } from './a';\nexport type B = { a?: A };\n");
    write('d.ts', "export * from './e';\nexport const d = 1;\n");
    write('e.ts', "import { d } from './d';\nexport const e = d;\n");
    const cycles = findCycles(importGraph(sourceFiles([dir])));
    expect(cycles.map((c) => c.map((f) => path.basename(f)))).toEqual([['d.ts', 'e.ts']]);
  });
});
