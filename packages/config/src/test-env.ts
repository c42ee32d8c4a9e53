/**
 * Where integration tests find the machine's real services. Tests never mock Redis or Postgres;
 * they isolate themselves with a unique database and key prefix instead.
 */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const uniqueName = (label: string) =>
  `em_t_${label}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`.toLowerCase();
