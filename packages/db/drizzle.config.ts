import { defineConfig } from 'drizzle-kit';

// Only `generate` is used (no live DB needed); migrations are applied at start by src/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/*.ts',
  out: './drizzle',
});
