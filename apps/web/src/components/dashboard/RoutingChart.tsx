'use client';
import { BarChart } from '@mui/x-charts/BarChart';
import { label } from '../../lib/dashboard/format';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** AI replies per routed domain, stacked by router confidence band (low < 0.5 ≤ medium < 0.8 ≤ high). */
export function RoutingChart({ routing }: { routing: Summary['routing'] }) {
  const { t, f } = useDashboardI18n();
  const labels = routing.map((r) => `${label(t.domains, r.domain)} · ${f.dec2(r.avgConfidence)}`);
  return (
    <ChartCard title={t.routing} subtitle={t.routingSubtitle} testId="chart-routing" hasData={routing.length > 0}>
      <BarChart
        height={260}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        xAxis={[{ scaleType: 'band', data: labels, tickLabelStyle: { fontSize: 11 } }]}
        yAxis={[{ width: 48, valueFormatter: (v: number) => f.int(v) }]}
        series={[
          { id: 'high', label: t.confidenceHigh, data: routing.map((r) => r.high), stack: 'c', color: '#2e7d32' },
          { id: 'medium', label: t.confidenceMedium, data: routing.map((r) => r.medium), stack: 'c', color: '#9ccc65' },
          { id: 'low', label: t.confidenceLow, data: routing.map((r) => r.low), stack: 'c', color: '#ffb300' },
        ]}
        grid={{ horizontal: true }}
      />
    </ChartCard>
  );
}
