import { z } from 'zod';

/** `--name value` / `--flag` pairs → object; zod then validates (the CLI is a trust boundary too). */
export function parseArgs<T extends z.ZodType>(schema: T, argv = process.argv.slice(2)): z.infer<T> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) raw[key] = true;
    else {
      raw[key] = next;
      i++;
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    process.exit(2);
  }
  return parsed.data;
}

export const LoadArgs = z.object({
  connections: z.coerce.number().int().min(1).max(50_000).default(100),
  rate: z.coerce.number().min(0).max(100_000).default(50),
  duration: z.coerce.number().min(1).max(3600).default(10),
  url: z.string().url().optional(),
  /** New connections per second while ramping up (the gateway limits connection bursts per IP). */
  connectRate: z.coerce.number().int().min(1).default(1000),
  /** Seconds to wait for the last replies after sending stops; anything still unanswered counts as lost. */
  grace: z.coerce.number().min(1).default(15),
  /** Seconds of load (separate conversations, not counted) before the measured window: LoadOptions.warmupS. */
  warmup: z.coerce.number().min(0).max(600).default(0),
  siteKey: z.string().default('demo-site'),
  workers: z.coerce.number().int().min(1).max(16).default(1),
});
export type LoadArgs = z.infer<typeof LoadArgs>;

/** The generator's options from the CLI flags (bench:load and bench:baseline take the same ones). */
export const loadOptions = (a: LoadArgs, url: string, log: (s: string) => void) => ({
  url,
  connections: a.connections,
  rate: a.rate,
  durationS: a.duration,
  connectRate: a.connectRate,
  graceS: a.grace,
  warmupS: a.warmup,
  siteKey: a.siteKey,
  log,
});
