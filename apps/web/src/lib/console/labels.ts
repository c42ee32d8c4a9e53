export const REASON_LABEL: Record<string, string> = {
  customer_request: 'Asked for a person',
  negative_sentiment: 'Upset customer',
  ai_failed: 'AI could not answer',
  policy: 'Needs a decision',
  timeout: 'AI timed out',
};
export const REASON_COLOR: Record<string, 'error' | 'warning' | 'info' | 'secondary' | 'default'> = {
  policy: 'error',
  negative_sentiment: 'error',
  ai_failed: 'warning',
  timeout: 'warning',
  customer_request: 'info',
};
export const STATUS_LABEL: Record<string, string> = { bot: 'With AI', waiting_human: 'Waiting', human: 'With agent', resolved: 'Resolved' };
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
