import type { ConsoleClaims } from '../console/console-tokens';

/**
 * Who sees what on the dashboard: an admin sees every agent; an agent sees their own row of the
 * human-agents table (and their own CSAT comments and conversations), plus the team's "All agents"
 * totals, which name nobody. The rest of the dashboard (AI, volume, live) is the same for both.
 */
export type AnalyticsScope = { kind: 'all' } | { kind: 'own'; agentId: string };

export const scopeOf = (user: Pick<ConsoleClaims, 'role' | 'userId'>): AnalyticsScope =>
  user.role === 'admin' ? { kind: 'all' } : { kind: 'own', agentId: user.userId };

/** The summary's humans block as the caller may see it. */
export function scopeHumans<H extends { overall: unknown; perAgent: { agentId: string | null }[] }>(humans: H, scope: AnalyticsScope) {
  return {
    ...humans,
    perAgent: scope.kind === 'all' ? humans.perAgent : humans.perAgent.filter((x) => x.agentId === scope.agentId),
    scope: scope.kind,
  };
}

/** The agent filter the queries take: undefined for admins. */
export const agentFilter = (scope: AnalyticsScope) => (scope.kind === 'own' ? scope.agentId : undefined);
