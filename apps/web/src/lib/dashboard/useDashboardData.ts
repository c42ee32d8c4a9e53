'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AnalyticsSummaryResponse, RatingCommentsResponse, TimeseriesResponse } from '@em/contracts/rest';
import { DashboardApiError, getJson } from './api';
import { bucketFor, rangeQuery, type DayRange } from './range';
import type { DashboardData } from './types';

/** The live panel (queue, waits, latency) refreshes this often, ms. */
export const LIVE_REFRESH_MS = 30_000;
/** Rating comments listed on the dashboard (newest first). */
export const COMMENTS_SHOWN = 8;

type State =
  | { kind: 'loading'; data?: DashboardData }
  | { kind: 'ready'; data: DashboardData; refreshedAt: Date }
  /** `message`: 'unreachable', or the gateway's error code (the page words it in the user's language). */
  | { kind: 'error'; message: string; data?: DashboardData };

/**
 * Loads the summary and the time series for `range`, then refreshes the summary (which carries
 * the live state) every 30 s. A 401 means the console session is gone: `onUnauthorized`.
 */
export function useDashboardData(gatewayUrl: string, range: DayRange, onUnauthorized: () => void) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const dataRef = useRef<DashboardData | undefined>(undefined);
  const unauthorized = useRef(onUnauthorized);
  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  const load = useCallback(
    async (signal: AbortSignal, summaryOnly: boolean) => {
      const q = rangeQuery(range);
      const bucket = bucketFor(range);
      const series = (metric: string) => getJson(gatewayUrl, `/api/analytics/timeseries?metric=${metric}&bucket=${bucket}&${q}`, TimeseriesResponse, signal);
      try {
        const summary = await getJson(gatewayUrl, `/api/analytics/summary?${q}`, AnalyticsSummaryResponse, signal);
        let data: DashboardData;
        if (summaryOnly && dataRef.current) data = { ...dataRef.current, summary };
        else {
          const [[conversations, messages, sentiment, cost], comments] = await Promise.all([
            Promise.all(['conversations', 'messages', 'sentiment', 'cost'].map(series)),
            getJson(gatewayUrl, `/api/analytics/comments?limit=${COMMENTS_SHOWN}&${q}`, RatingCommentsResponse, signal),
          ]);
          data = { summary, conversations: conversations!, messages: messages!, sentiment: sentiment!, cost: cost!, comments };
        }
        dataRef.current = data;
        setState({ kind: 'ready', data, refreshedAt: new Date() });
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof DashboardApiError && err.status === 401) return unauthorized.current();
        const message = err instanceof DashboardApiError ? err.body.code : 'unreachable';
        setState({ kind: 'error', message, data: dataRef.current });
      }
    },
    [gatewayUrl, range],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ kind: 'loading', data: dataRef.current });
    void load(ctrl.signal, false);
    const timer = setInterval(() => void load(ctrl.signal, true), LIVE_REFRESH_MS);
    return () => {
      ctrl.abort();
      clearInterval(timer);
    };
  }, [load]);

  return state;
}
