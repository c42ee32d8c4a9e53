'use client';
import { LineChart } from '@mui/x-charts/LineChart';
import { fmtCompact } from '../../lib/dashboard/format';
import type { Series } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';
import { tickFormat } from './time-axis';

/** Conversations and messages per bucket: conversations on the left axis, messages on the right. */
export function VolumeChart({ conversations, messages }: { conversations: Series; messages: Series }) {
  const t = conversations.points.map((p) => new Date(p.t));
  const conv = conversations.points.map((p) => Number(p.conversations ?? 0));
  const msgs = messages.points.map((p) => Number(p.messages ?? 0));
  const hasData = conv.some((v) => v > 0) || msgs.some((v) => v > 0);
  return (
    <ChartCard title="Volume" subtitle={`Conversations started and messages, per ${conversations.bucket} (UTC)`} testId="chart-volume" hasData={hasData}>
      <LineChart
        height={260}
        margin={{ left: 0, right: 0, top: 16, bottom: 0 }}
        xAxis={[{ scaleType: 'time', data: t, valueFormatter: tickFormat(conversations.bucket) }]}
        yAxis={[
          { id: 'conv', width: 44, valueFormatter: (v: number) => fmtCompact(v) },
          { id: 'msg', position: 'right', width: 48, valueFormatter: (v: number) => fmtCompact(v) },
        ]}
        series={[
          { id: 'conversations', label: 'Conversations', data: conv, yAxisId: 'conv', area: true, showMark: false, color: '#3949ab', curve: 'monotoneX' },
          { id: 'messages', label: 'Messages (right axis)', data: msgs, yAxisId: 'msg', showMark: false, color: '#00897b', curve: 'monotoneX' },
        ]}
        grid={{ horizontal: true }}
        sx={{ '& .MuiLineChart-area': { fillOpacity: 0.16 } }}
      />
    </ChartCard>
  );
}
