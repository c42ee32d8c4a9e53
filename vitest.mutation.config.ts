import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { GROUPS, selectedGroups } from './stryker.groups.mjs';
import { scriptEnv } from './scripts/lib/env';

/**
 * The Vitest config StrykerJS runs (`pnpm test:mutation`, stryker.config.mjs): only the in-process
 * tests that guard the selected groups' modules (stryker.groups.mjs). Process-spawning suites (the
 * serial set) are left out: they run a built bundle, not the mutated sources.
 *
 * Stryker copies the repo into a sandbox, but `@em/*` imports resolve through node_modules symlinks
 * to the ORIGINAL packages, so the mutants would never run. The aliases below send every `@em/*`
 * export (read from each workspace package.json) to the source files next to this config instead.
 */
const root = import.meta.dirname;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function workspaceAliases() {
  const aliases: { find: RegExp; replacement: string }[] = [];
  for (const group of ['packages', 'apps']) {
    for (const dir of readdirSync(path.join(root, group))) {
      let pkg: { name?: string; exports?: Record<string, unknown> };
      try {
        pkg = JSON.parse(readFileSync(path.join(root, group, dir, 'package.json'), 'utf8')) as typeof pkg;
      } catch {
        continue;
      }
      if (!pkg.name?.startsWith('@em/') || !pkg.exports) continue;
      for (const [sub, target] of Object.entries(pkg.exports)) {
        if (typeof target !== 'string') continue;
        const spec = pkg.name + sub.slice(1); // '.' → '@em/x', './a/*' → '@em/x/a/*'
        const file = path.join(root, group, dir, target);
        aliases.push(
          spec.includes('*')
            ? { find: new RegExp(`^${escape(spec).replace('\\*', '(.+)')}$`), replacement: file.replace('*', '$1') }
            : { find: new RegExp(`^${escape(spec)}$`), replacement: file },
        );
      }
    }
  }
  return aliases;
}

export default defineConfig({
  resolve: { alias: workspaceAliases() },
  test: {
    include: [...new Set(selectedGroups(scriptEnv.MUTATION_SCOPE).flatMap((g) => GROUPS[g].tests))],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**', 'apps/web/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
