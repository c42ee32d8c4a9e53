'use client';
import { BarChart } from '@mui/x-charts/BarChart';
import { DOMAIN_LABEL, fmtInt, label } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** AI replies per routed domain, stacked by router confidence band (low < 0.5 ≤ medium < 0.8 ≤ high). */
export function RoutingChart({ routing }: { routing: Summary['routing'] }) {
  const labels = routing.map((r) => `${label(DOMAIN_LABEL, r.domain)} · ${r.avgConfidence.toFixed(2)}`);
  return (
    <ChartCard title="Routing" subtitle="AI replies by domain and router confidence (label: mean confidence)" testId="chart-routing" hasData={routing.length > 0}>
      <BarChart
        height={260}
        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
        xAxis={[{ scaleType: 'band', data: labels, tickLabelStyle: { fontSize: 11 } }]}
        yAxis={[{ width: 48, valueFormatter: (v: number) => fmtInt(v) }]}
        series={[
          { id: 'high', label: 'High (≥ 0.8)', data: routing.map((r) => r.high), stack: 'c', color: '#2e7d32' },
          { id: 'medium', label: 'Medium', data: routing.map((r) => r.medium), stack: 'c', color: '#9ccc65' },
          { id: 'low', label: 'Low (< 0.5)', data: routing.map((r) => r.low), stack: 'c', color: '#ffb300' },
        ]}
        grid={{ horizontal: true }}
      />
    </ChartCard>
  );
}
