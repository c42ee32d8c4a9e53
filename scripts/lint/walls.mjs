// The repository's walls as ESLint settings and one local rule (used by eslint.config.mjs; tested
// in tests/lint/walls.test.ts). Plain .mjs: ESLint loads it without a TypeScript loader.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The workspace a path belongs to: `apps/<name>` or `packages/<name>`, else `.` (the root workspace:
 * tests/, scripts/, e2e/, configs).
 */
export function workspaceOf(file) {
  const [top, name] = path.relative(repoRoot, file).split(path.sep);
  return (top === 'apps' || top === 'packages') && name ? `${top}/${name}` : '.';
}

/**
 * no-cross-workspace-relative: a relative import stays inside its own app or package; another one is
 * reached by its name and exports map (`@em/db/queries/notes`), never by `../../packages/db/src/…`.
 * The one allowance: the root workspace's tests and scripts may open apps/*, which are deployables
 * with no exports map (the test harness composes the gateway and the worker from their factories).
 */
const noCrossWorkspaceRelative = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports must not cross app or package roots' },
    schema: [],
    messages: {
      cross: "'{{source}}' leaves {{from}} for {{to}}: import another workspace by its package name and exports map.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = workspaceOf(path.resolve(file));
    const check = (node) => {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!source || !source.startsWith('.')) return;
      const to = workspaceOf(path.resolve(path.dirname(file), source));
      if (to === from || (from === '.' && to.startsWith('apps/'))) return;
      context.report({ node, messageId: 'cross', data: { source, from: from === '.' ? 'the repository root' : from, to: to === '.' ? 'the repository root' : to } });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

export const wallsPlugin = { meta: { name: 'em-walls' }, rules: { 'no-cross-workspace-relative': noCrossWorkspaceRelative } };

const SRC_OF_PACKAGE = {
  regex: '^@em/[^/]+/src(/|$)',
  message: "Import a workspace package through its exports map (e.g. '@em/db/queries/notes'), never its src/.",
};
/** Reading the environment through an import is the same leak as `process.env` (see ENV_RULE). */
const PROCESS_ENV_IMPORTS = ['process', 'node:process'].map((name) => ({
  name,
  importNames: ['env'],
  message: 'Read the environment in an env.ts (zod-validated), and import it from there.',
}));
/** packages/db returns rows: no sockets, Redis, queues, config or policy; contracts are its only workspace import. */
const DB_ONLY = (extra = []) => ({
  regex: `^(?!(${['@em/contracts(/.*)?', 'drizzle-orm(/.*)?', 'drizzle-kit', 'postgres', 'zod', 'node:.+', '\\.{1,2}(/.*)?', ...extra].join('|')})$)`,
  message: 'packages/db imports only @em/contracts, drizzle, postgres, zod and node builtins (rows in, rows out).',
});

/** The complete no-restricted-imports setting for a group of files (a later block replaces, not merges). */
export const restrictedImports = (...extra) => ['error', { paths: PROCESS_ENV_IMPORTS, patterns: [SRC_OF_PACKAGE, ...extra] }];
export const DB_IMPORTS = restrictedImports(DB_ONLY());
/** Tests of packages/db may also use their runner and the shared test-service URLs. */
export const DB_TEST_IMPORTS = restrictedImports(DB_ONLY(['vitest', 'fast-check', '@em/config/test-env']));

/** process.env is read only in files named env.ts (DESIGN §9); see the exemptions in eslint.config.mjs. */
export const ENV_RULE = [
  'error',
  {
    object: 'process',
    property: 'env',
    message: 'process.env is read only in env.ts files (packages/config/src/env.ts, apps/*/src/env.ts, scripts/lib/env.ts, e2e/env.ts): import the value from there.',
  },
];
