'use client';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { BarChart } from '@mui/x-charts/BarChart';
import { fmtCompact, fmtInt, fmtUsd } from '../../lib/dashboard/format';
import type { Series, Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';
import { tickFormat } from './time-axis';

const PROVIDER_LABEL: Record<string, string> = { openai: 'OpenAI-compatible', offline: 'Offline (no cost)' };

/** Tokens and estimated spend per provider (as the worker recorded it), and spend per bucket. */
export function CostPanel({ cost, series }: { cost: Summary['cost']; series: Series }) {
  const total = cost.reduce((a, c) => a + c.costUsd, 0);
  return (
    <ChartCard title="AI cost" subtitle={`Tokens and estimated spend per provider · ${fmtUsd(total)} in range`} testId="chart-cost" hasData={cost.length > 0}>
      <Stack gap={1}>
        <Table size="small" sx={{ '& td, & th': { px: 1, whiteSpace: 'nowrap' } }}>
          <TableHead>
            <TableRow>
              <TableCell>Provider</TableCell>
              <TableCell align="right">Replies</TableCell>
              <TableCell align="right">Tokens in / out</TableCell>
              <TableCell align="right">Cost</TableCell>
              <TableCell align="right">Per 1k replies</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cost.map((c) => (
              <TableRow key={c.provider} data-testid="cost-row">
                <TableCell>{PROVIDER_LABEL[c.provider] ?? c.provider}</TableCell>
                <TableCell align="right">{fmtInt(c.replies)}</TableCell>
                <TableCell align="right">{c.promptTokens + c.completionTokens ? `${fmtCompact(c.promptTokens)} / ${fmtCompact(c.completionTokens)}` : '—'}</TableCell>
                <TableCell align="right">{fmtUsd(c.costUsd)}</TableCell>
                <TableCell align="right">{c.replies ? fmtUsd((c.costUsd / c.replies) * 1000) : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <BarChart
          height={150}
          margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
          xAxis={[{ scaleType: 'band', data: series.points.map((p) => new Date(p.t)), valueFormatter: tickFormat(series.bucket), tickLabelInterval: (_v: Date, i: number) => i % Math.max(1, Math.ceil(series.points.length / 8)) === 0 }]}
          yAxis={[{ width: 48, valueFormatter: (v: number) => fmtUsd(v) }]}
          series={[{ label: 'Spend (USD)', data: series.points.map((p) => Number(p.costUsd ?? 0)), color: '#7e57c2', valueFormatter: (v) => fmtUsd(v ?? 0) }]}
          hideLegend
          grid={{ horizontal: true }}
        />
      </Stack>
    </ChartCard>
  );
}
