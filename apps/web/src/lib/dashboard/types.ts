import type { AnalyticsSummary } from '@em/db/queries/analytics';

/** GET /api/analytics/summary (the gateway adds the live counters it reads from Redis/BullMQ). */
export type Summary = Omit<AnalyticsSummary, 'live'> & {
  generatedAt: string;
  live: AnalyticsSummary['live'] & { queueDepth: number; agentsOnline: number };
};

export interface SeriesPoint {
  t: string;
  [k: string]: number | string | null;
}

export interface Series {
  metric: string;
  bucket: 'hour' | 'day' | 'week';
  points: SeriesPoint[];
}

export interface DashboardData {
  summary: Summary;
  conversations: Series;
  messages: Series;
  sentiment: Series;
  cost: Series;
}
