'use client';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import Typography from '@mui/material/Typography';
import { SENTIMENT_COLOR, label } from '../../lib/dashboard/format';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard, Figure } from './ChartCard';

/** How conversations ended: the containment split plus the AI's answer-quality rates. */
export function ContainmentCard({ ai }: { ai: Summary['ai'] }) {
  const { t, f } = useDashboardI18n();
  const waitingOrTicketed = Math.max(0, ai.escalated - ai.handledByHuman);
  const openWithAi = Math.max(0, ai.conversations - ai.resolvedByAi - ai.handledByHuman - waitingOrTicketed);
  const data = [
    { id: 'ai', value: ai.resolvedByAi, label: t.resolvedByAi, color: '#3949ab' },
    { id: 'human', value: ai.handledByHuman, label: t.handledByPerson, color: '#00897b' },
    { id: 'escalated', value: waitingOrTicketed, label: t.escalatedNoAgent, color: '#ffb300' },
    { id: 'open', value: openWithAi, label: t.stillOpen, color: '#cfd8dc' },
  ];
  return (
    <ChartCard title={t.aiOutcome} subtitle={t.aiOutcomeSubtitle} testId="chart-containment" hasData={ai.conversations > 0}>
      <Stack direction={{ xs: 'column', sm: 'row' }} alignItems="center" gap={2}>
        <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <PieChart
            height={210}
            margin={{ top: 0, bottom: 0, left: 0, right: 0 }}
            series={[{ data, innerRadius: 58, outerRadius: 92, paddingAngle: 1.5, cornerRadius: 3, valueFormatter: (v) => `${f.int(v.value)} (${f.pct(v.value / Math.max(1, ai.conversations))})` }]}
            slotProps={{ legend: { direction: 'vertical', position: { vertical: 'middle', horizontal: 'end' } } }}
          />
        </Box>
      </Stack>
      <Stack direction="row" gap={3} flexWrap="wrap" sx={{ mt: 1 }}>
        <Figure testId="fig-containment" label={t.containment} value={f.pct(ai.containmentRate)} />
        <Figure label={t.clarifying} value={f.pct(ai.clarifyingRate)} hint={t.ofReplies(f.int(ai.clarifying), f.int(ai.replies))} />
        <Figure label={t.fallbacks} value={f.pct(ai.fallbackRate)} hint={t.replies(f.int(ai.fallbacks))} />
        <Figure label={t.timeouts} value={f.int(ai.timeouts)} hint={t.failedJobs(f.int(ai.jobFailures))} />
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid="containment-definition">
        {t.containmentCaption(t.containmentDefinition(ai.idleResolveMinutes))}
      </Typography>
    </ChartCard>
  );
}

function HBar(props: { labels: string[]; values: number[]; colors?: string[]; valueLabel: (i: number) => string; height?: number; color?: string }) {
  return (
    <BarChart
      height={props.height ?? Math.max(140, props.labels.length * 36 + 30)}
      layout="horizontal"
      margin={{ left: 0, right: 48, top: 4, bottom: 0 }}
      yAxis={[
        {
          scaleType: 'band',
          data: props.labels,
          width: 150,
          ...(props.colors ? { colorMap: { type: 'ordinal' as const, values: props.labels, colors: props.colors } } : {}),
        },
      ]}
      // Head-room right of the longest bar for its outside label (count · rate).
      xAxis={[{ tickNumber: 4, max: Math.max(1, ...props.values) * 1.8 }]}
      series={[
        {
          data: props.values,
          color: props.color ?? '#3949ab',
          valueFormatter: (_v, ctx) => props.valueLabel(ctx.dataIndex),
          barLabel: (item) => props.valueLabel(item.dataIndex),
          barLabelPlacement: 'outside',
        },
      ]}
      grid={{ vertical: true }}
      hideLegend
      sx={{ '& .MuiBarChart-label': { fill: '#37474f', fontSize: 12, fontWeight: 600 } }}
    />
  );
}

export function HandoffReasonCard({ ai }: { ai: Summary['ai'] }) {
  const { t, f, reason } = useDashboardI18n();
  const rows = ai.byReason;
  return (
    <ChartCard title={t.handoffsByReason} subtitle={t.handoffsByReasonSubtitle(f.pct(ai.handoffRate))} testId="chart-handoff-reason" hasData={rows.length > 0}>
      <HBar labels={rows.map((r) => reason(r.reason))} values={rows.map((r) => r.count)} valueLabel={(i) => `${f.int(rows[i]!.count)} · ${f.pct(rows[i]!.rate)}`} color="#5c6bc0" />
    </ChartCard>
  );
}

export function SpecialistCard({ ai }: { ai: Summary['ai'] }) {
  const { t, f } = useDashboardI18n();
  const rows = ai.bySpecialist;
  return (
    <ChartCard title={t.handoffsBySpecialist} subtitle={t.handoffsBySpecialistSubtitle} testId="chart-handoff-specialist" hasData={rows.length > 0}>
      <HBar
        labels={rows.map((r) => label(t.domains, r.agent))}
        values={rows.map((r) => r.count)}
        valueLabel={(i) => (rows[i]!.agent === 'none' ? f.int(rows[i]!.count) : `${f.int(rows[i]!.count)} · ${f.pct(rows[i]!.rate)}`)}
        color="#00897b"
      />
    </ChartCard>
  );
}

export function EscalationSentimentCard({ ai }: { ai: Summary['ai'] }) {
  const { t, f } = useDashboardI18n();
  const order = ['very_negative', 'negative', 'neutral', 'positive', 'unknown'];
  const rows = [...ai.escalationsBySentiment].sort((a, b) => order.indexOf(a.sentiment) - order.indexOf(b.sentiment));
  const labels = rows.map((r) => label(t.sentiments, r.sentiment));
  return (
    <ChartCard title={t.escalationsBySentiment} subtitle={t.escalationsBySentimentSubtitle} testId="chart-escalation-sentiment" hasData={rows.length > 0}>
      <HBar labels={labels} values={rows.map((r) => r.count)} colors={rows.map((r) => SENTIMENT_COLOR[r.sentiment] ?? '#90a4ae')} valueLabel={(i) => f.int(rows[i]!.count)} />
    </ChartCard>
  );
}
