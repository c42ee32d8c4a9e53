'use client';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { BarChart } from '@mui/x-charts/BarChart';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Series, Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** Tokens and estimated spend per provider (as the worker recorded it), and spend per bucket. */
export function CostPanel({ cost, series }: { cost: Summary['cost']; series: Series }) {
  const { t, f } = useDashboardI18n();
  const total = cost.reduce((a, c) => a + c.costUsd, 0);
  return (
    <ChartCard title={t.aiCost} subtitle={t.aiCostSubtitle(f.usd(total))} testId="chart-cost" hasData={cost.length > 0}>
      <Stack gap={1}>
        {/* Figures never break; headings may (German and French ones are longer). */}
        <Table size="small" sx={{ '& td, & th': { px: 1 }, '& td': { whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>{t.colProvider}</TableCell>
              <TableCell align="right">{t.colReplies}</TableCell>
              <TableCell align="right">{t.colTokens}</TableCell>
              <TableCell align="right">{t.colCost}</TableCell>
              <TableCell align="right">{t.colPer1k}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cost.map((c) => (
              <TableRow key={c.provider} data-testid="cost-row">
                <TableCell>{t.providers[c.provider] ?? c.provider}</TableCell>
                <TableCell align="right">{f.int(c.replies)}</TableCell>
                <TableCell align="right">{c.promptTokens + c.completionTokens ? `${f.compact(c.promptTokens)} / ${f.compact(c.completionTokens)}` : '—'}</TableCell>
                <TableCell align="right">{f.usd(c.costUsd)}</TableCell>
                <TableCell align="right">{c.replies ? f.usd((c.costUsd / c.replies) * 1000) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <BarChart
          height={150}
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
          xAxis={[{ scaleType: 'band', data: series.points.map((p) => new Date(p.t)), valueFormatter: f.tick(series.bucket), tickLabelInterval: (_v: Date, i: number) => i % Math.max(1, Math.ceil(series.points.length / 8)) === 0 }]}
          yAxis={[{ width: 48, valueFormatter: (v: number) => f.usd(v) }]}
          series={[{ label: t.spendUsd, data: series.points.map((p) => Number(p.costUsd ?? 0)), color: '#7e57c2', valueFormatter: (v) => f.usd(v ?? 0) }]}
          hideLegend
          grid={{ horizontal: true }}
        />
      </Stack>
    </ChartCard>
  );
}
