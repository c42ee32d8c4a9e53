import { EscalationReason } from '@em/contracts/analytics';

type ChipColor = 'error' | 'warning' | 'info' | 'secondary' | 'default';
/** How loud a reason is in the queue; keyed by the type, so a new reason needs a colour to compile. */
export const REASON_COLOR: Record<EscalationReason, ChipColor> = {
  policy: 'error',
  negative_sentiment: 'error',
  ai_failed: 'warning',
  timeout: 'warning',
  customer_request: 'info',
};
const known = (reason: string) => EscalationReason.safeParse(reason).data;
export const reasonColor = (reason: string): ChipColor => {
  const r = known(reason);
  return r ? REASON_COLOR[r] : 'default';
};
// Reasons and statuses in words: lib/i18n/reasons.ts (ESCALATION_REASON_LABELS in every language) and the console catalogs.
export const STATUS_COLOR: Record<string, 'default' | 'warning' | 'success' | 'primary'> = {
  bot: 'default',
  waiting_human: 'warning',
  human: 'primary',
  resolved: 'success',
};

/** "45s", "3m", "2h 5m": compact waiting times for the queue. */
export function since(iso: string | null, now: number): string {
  if (!iso) return '';
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
