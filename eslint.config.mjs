import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { DB_IMPORTS, DB_TEST_IMPORTS, ENV_RULE, restrictedImports, wallsPlugin } from './scripts/lint/walls.mjs';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.next/**', '**/generated/**', 'apps/web/public/**', 'test-results/**', '**/next-env.d.ts', '.tmp/**', '.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/triple-slash-reference': 'off',
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },

  // ── Walls (scripts/lint/walls.mjs; each rule is shown to fire in tests/lint/walls.test.ts) ──
  {
    plugins: { walls: wallsPlugin },
    rules: {
      // No '@em/x/src/…' paths, anywhere: packages are reached through their exports maps.
      'no-restricted-imports': restrictedImports(),
      // No relative import from one app or package into another (or out to the repository root).
      'walls/no-cross-workspace-relative': 'error',
      'no-restricted-properties': ENV_RULE,
    },
  },
  // packages/db returns rows: it imports @em/contracts and its drivers only.
  { files: ['packages/db/**'], rules: { 'no-restricted-imports': DB_IMPORTS } },
  { files: ['packages/db/**/*.test.ts'], rules: { 'no-restricted-imports': DB_TEST_IMPORTS } },
  // The env readers (zod-validated), the test-service URLs, and the e2e suite's. Two literal reads
  // elsewhere carry their own disable comment and reason: apps/web/src/instrumentation.ts
  // (NEXT_RUNTIME, Next's compile-time switch) and apps/web/scripts/start.mjs (a plain Node launcher).
  { files: ['**/env.ts', '**/test-env.ts'], rules: { 'no-restricted-properties': 'off' } },
);
