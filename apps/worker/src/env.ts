import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { commonEnv, DEV_SECRET } from '@em/config/env';
import { llmEnv } from '@em/agents/model';
import { tracingEnv } from '@em/agents/graph';
import { SiteHours, UiLocale } from '@em/contracts/site';

/**
 * The worker reads from SITES_JSON only each shop's default language (`locale`: the AI answers in it until
 * the customer's own words say otherwise) and business hours (`timeZone`, `businessHours`, `holidays`:
 * a person request outside them becomes a ticket); the gateway validates the rest.
 */
const SiteEntries = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return {};
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'SITES_JSON is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ siteKey: z.string(), locale: UiLocale.optional() }).extend(SiteHours.shape)).or(z.object({}).strict()))
  .transform((sites) => (Array.isArray(sites) ? sites : []));

type SiteEntry = z.output<typeof SiteEntries>[number];
const siteLocales = (sites: SiteEntry[]) => Object.fromEntries(sites.flatMap((s) => (s.locale ? [[s.siteKey, s.locale]] : []))) as Record<string, UiLocale>;
const siteHours = (sites: SiteEntry[]) =>
  Object.fromEntries(
    sites.flatMap(({ siteKey, timeZone, businessHours, holidays }) => {
      const hours: SiteHours = { ...(timeZone ? { timeZone } : {}), ...(businessHours ? { businessHours } : {}), ...(holidays ? { holidays } : {}) };
      return Object.keys(hours).length ? [[siteKey, hours]] : [];
    }),
  ) as Record<string, SiteHours>;

// Bundled to apps/worker/dist/main.js: the repo root is three levels up.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const Env = z.object({
  ...commonEnv,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  KB_DIR: z.string().default(path.join(repoRoot, 'knowledge-base')),
  ROUTER_MODEL_PATH: z.string().default(path.join(repoRoot, 'packages/agents/generated/router-model.json')),
  ...llmEnv,
  ...tracingEnv,
  /** Per-job deadline (ms): guidance 30 s with a network model; 120 s is the hard ceiling (DESIGN §8). */
  JOB_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** Retries (exponential backoff from 500 ms) for transient errors only; validation errors never retry. */
  JOB_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  /** BullMQ job lock (ms) and stalled-job check period (ms): how soon a crashed worker's job runs again. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  /** Recovery sweeper: every RECOVERY_INTERVAL_MS, re-enqueue unanswered bot-owned messages older than RECOVERY_MIN_AGE_S. 0 disables. */
  RECOVERY_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  RECOVERY_MIN_AGE_S: z.coerce.number().min(1).default(30),
  /**
   * Offline model only: turns the worker runs in the background after it starts, over the shop's own
   * phrasings, so V8 has optimised the AI's code before the traffic does (≈ 5 s of CPU for 1,000;
   * docs/benchmarks.md). Jobs run between them. 0 turns it off (the test harnesses do, to keep CI lean).
   */
  WORKER_WARMUP_TURNS: z.coerce.number().int().min(0).max(100_000).default(1000),
  /** SIGTERM: let running jobs finish for this long (ms), then hand them back to the queue. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Test hook only: sleep this long (ms) inside each job, so a test can kill a worker mid-job.
   * Refused when NODE_ENV=production.
   */
  WORKER_TEST_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** Test hook only: hold each job this long (ms) between its reply's commit and its publish. Refused when NODE_ENV=production. */
  WORKER_TEST_HOLD_AFTER_COMMIT_MS: z.coerce.number().int().min(0).default(0),
  /** Mail (DESIGN §10, issue 20): an SMTP server (smtp://user:pass@host:port, smtps://…); unset: .eml files under MAIL_DIR. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  MAIL_FROM: z.string().min(3).default('ElectroMart Support <support@electromart.test>'),
  MAIL_DIR: z.string().default(path.join(repoRoot, '.data/mail')),
  /** Signs the links back in follow-up mail: must be the gateway's SESSION_SECRET (the gateway checks them). */
  SESSION_SECRET: z.string().min(8).default(DEV_SECRET),
  /** The web app's origin: links back open its /widget. */
  WEB_ORIGIN: z.string().default('http://localhost:3000'),
  SITES_JSON: SiteEntries,
})
  .refine((e) => !(e.NODE_ENV === 'production' && e.WORKER_TEST_DELAY_MS > 0), {
    message: 'WORKER_TEST_DELAY_MS is a test hook and is refused when NODE_ENV=production',
    path: ['WORKER_TEST_DELAY_MS'],
  })
  .refine((e) => !(e.NODE_ENV === 'production' && e.WORKER_TEST_HOLD_AFTER_COMMIT_MS > 0), {
    message: 'WORKER_TEST_HOLD_AFTER_COMMIT_MS is a test hook and is refused when NODE_ENV=production',
    path: ['WORKER_TEST_HOLD_AFTER_COMMIT_MS'],
  })
  // SITES_JSON becomes the languages by site key; `siteHours` the business hours by site key.
  .transform(({ SITES_JSON, ...e }) => ({ ...e, SITES_JSON: siteLocales(SITES_JSON), siteHours: siteHours(SITES_JSON) }));
export type WorkerEnv = z.infer<typeof Env>;

export const readEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv => Env.parse(source);
