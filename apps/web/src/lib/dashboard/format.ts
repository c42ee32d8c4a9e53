/** Display helpers for the dashboard (en-US, UTC). */
export const fmtInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));

export const fmtPct = (r: number | null | undefined, digits = 1) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(digits)}%`);

export const fmtUsd = (n: number) => (n >= 100 ? `$${Math.round(n).toLocaleString('en-US')}` : `$${n.toFixed(2)}`);

/** ms → "850 ms", "12.4 s", "3m 05s", "2h 10m". */
export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  if (totalS < 3600) return `${Math.floor(totalS / 60)}m ${String(totalS % 60).padStart(2, '0')}s`;
  const m = Math.round(totalS / 60);
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export const fmtCompact = (n: number) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(n);

export const DOMAIN_LABEL: Record<string, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  support: 'Support',
  logistics: 'Logistics',
  general: 'General',
  human: 'Human',
  orchestrator: 'Orchestrator',
  none: 'Before any AI reply',
};

export const SENTIMENT_LABEL: Record<string, string> = {
  very_negative: 'Very negative',
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
  unknown: 'No AI turn yet',
};

export const SENTIMENT_COLOR: Record<string, string> = {
  very_negative: '#c62828',
  negative: '#ef6c00',
  neutral: '#90a4ae',
  positive: '#2e7d32',
  unknown: '#bdbdbd',
};

export const label = (map: Record<string, string>, key: string) => map[key] ?? key.replace(/_/g, ' ');
