import type { AnalyticsSummaryResponse, RatingCommentsResponse, SeriesPoint as ContractSeriesPoint, TimeseriesResponse } from '@em/contracts/rest';

/** GET /api/analytics/summary (the gateway adds the live counters it reads from Redis/BullMQ). */
export type Summary = AnalyticsSummaryResponse;
export type SeriesPoint = ContractSeriesPoint;
/** GET /api/analytics/timeseries */
export type Series = TimeseriesResponse;

export interface DashboardData {
  summary: Summary;
  conversations: Series;
  messages: Series;
  sentiment: Series;
  cost: Series;
  /** GET /api/analytics/comments: recent CSAT comments. */
  comments: RatingCommentsResponse;
}
