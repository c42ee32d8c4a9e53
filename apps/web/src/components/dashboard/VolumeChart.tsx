'use client';
import { LineChart } from '@mui/x-charts/LineChart';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Series } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** Conversations and messages per bucket: conversations on the left axis, messages on the right. */
export function VolumeChart({ conversations, messages }: { conversations: Series; messages: Series }) {
  const { t: m, f } = useDashboardI18n();
  const t = conversations.points.map((p) => new Date(p.t));
  const conv = conversations.points.map((p) => Number(p.conversations ?? 0));
  const msgs = messages.points.map((p) => Number(p.messages ?? 0));
  const hasData = conv.some((v) => v > 0) || msgs.some((v) => v > 0);
  return (
    <ChartCard title={m.volume} subtitle={m.volumeSubtitle(conversations.bucket)} testId="chart-volume" hasData={hasData}>
      <LineChart
        height={260}
        margin={{ left: 0, right: 0, top: 16, bottom: 0 }}
        xAxis={[{ scaleType: 'time', data: t, valueFormatter: f.tick(conversations.bucket) }]}
        yAxis={[
          { id: 'conv', width: 44, valueFormatter: (v: number) => f.compact(v) },
          { id: 'msg', position: 'right', width: 48, valueFormatter: (v: number) => f.compact(v) },
        ]}
        series={[
          { id: 'conversations', label: m.conversations, data: conv, yAxisId: 'conv', area: true, showMark: false, color: '#3949ab', curve: 'monotoneX' },
          { id: 'messages', label: m.messagesRightAxis, data: msgs, yAxisId: 'msg', showMark: false, color: '#00897b', curve: 'monotoneX' },
        ]}
        grid={{ horizontal: true }}
        sx={{ '& .MuiLineChart-area': { fillOpacity: 0.16 } }}
      />
    </ChartCard>
  );
}
