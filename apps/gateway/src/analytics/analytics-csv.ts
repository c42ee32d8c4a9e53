import type { Db } from '@em/db/client';
import type { MetricClock, Range } from '@em/db/queries/analytics';
import { analyticsTimeseries, type Bucket, type Metric } from '@em/db/queries/analytics-timeseries';

/** CSV columns: [header, metric, key in that metric's points]. */
const COLUMNS: [string, Metric, string][] = [
  ['conversations', 'containment', 'conversations'],
  ['resolved_by_ai', 'containment', 'resolvedByAi'],
  ['escalated', 'containment', 'escalated'],
  ['containment_rate', 'containment', 'rate'],
  ['messages', 'messages', 'messages'],
  ['customer_messages', 'messages', 'customer'],
  ['bot_messages', 'messages', 'bot'],
  ['human_messages', 'messages', 'human'],
  ['csat_ai_only', 'csat', 'aiOnly'],
  ['csat_human', 'csat', 'human'],
  ['ratings', 'csat', 'ratings'],
  ['sentiment_very_negative', 'sentiment', 'very_negative'],
  ['sentiment_negative', 'sentiment', 'negative'],
  ['sentiment_neutral', 'sentiment', 'neutral'],
  ['sentiment_positive', 'sentiment', 'positive'],
  ['latency_p50_ms', 'latency', 'p50'],
  ['latency_p95_ms', 'latency', 'p95'],
  ['tokens', 'cost', 'tokens'],
  ['cost_usd', 'cost', 'costUsd'],
];

/** A text cell a spreadsheet would run as a formula (OWASP CSV injection): = + - @ tab CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 field: quoted when it holds a comma, quote or newline; null → empty. Text that starts
 * like a formula gets a leading ' so Excel, LibreOffice and Sheets show it instead of evaluating it
 * (customer comments are attacker-controlled); numbers stay numbers.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : String(v);
  if (typeof v !== 'number' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per bucket with the dashboard's headline series side by side (each an SQL aggregate). */
export async function analyticsCsv(db: Db, range: Range, bucket: Bucket, clock: MetricClock): Promise<string> {
  const metrics = [...new Set(COLUMNS.map(([, m]) => m))];
  const series = new Map(await Promise.all(metrics.map(async (m) => [m, await analyticsTimeseries(db, m, range, bucket, clock)] as const)));
  const first = series.get(metrics[0]!) ?? [];
  const lines = [['bucket_start_utc', ...COLUMNS.map(([h]) => h)].join(',')];
  first.forEach((p, i) => {
    lines.push([csvField(p.t), ...COLUMNS.map(([, m, k]) => csvField(series.get(m)?.[i]?.[k]))].join(','));
  });
  return lines.join('\r\n') + '\r\n';
}
