'use client';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { ESCALATION_REASON_LABELS } from '@em/contracts/analytics';
import Typography from '@mui/material/Typography';
import { containmentDefinition } from '../../lib/dashboard/definitions';
import { DOMAIN_LABEL, SENTIMENT_COLOR, SENTIMENT_LABEL, fmtInt, fmtPct, label } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard, Figure } from './ChartCard';

/** How conversations ended: the containment split plus the AI's answer-quality rates. */
export function ContainmentCard({ ai }: { ai: Summary['ai'] }) {
  const waitingOrTicketed = Math.max(0, ai.escalated - ai.handledByHuman);
  const openWithAi = Math.max(0, ai.conversations - ai.resolvedByAi - ai.handledByHuman - waitingOrTicketed);
  const data = [
    { id: 'ai', value: ai.resolvedByAi, label: 'Resolved by AI', color: '#3949ab' },
    { id: 'human', value: ai.handledByHuman, label: 'Handled by a person', color: '#00897b' },
    { id: 'escalated', value: waitingOrTicketed, label: 'Escalated, no agent (queue/ticket)', color: '#ffb300' },
    { id: 'open', value: openWithAi, label: 'Still open with the AI', color: '#cfd8dc' },
  ];
  return (
    <ChartCard title="AI outcome" subtitle="How conversations started in the range ended" testId="chart-containment" hasData={ai.conversations > 0}>
      <Stack direction={{ xs: 'column', sm: 'row' }} alignItems="center" gap={2}>
        <Box sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <PieChart
            height={210}
            margin={{ top: 0, bottom: 0, left: 0, right: 0 }}
            series={[{ data, innerRadius: 58, outerRadius: 92, paddingAngle: 1.5, cornerRadius: 3, valueFormatter: (v) => `${fmtInt(v.value)} (${fmtPct(v.value / Math.max(1, ai.conversations))})` }]}
            slotProps={{ legend: { direction: 'vertical', position: { vertical: 'middle', horizontal: 'end' } } }}
          />
        </Box>
      </Stack>
      <Stack direction="row" gap={3} flexWrap="wrap" sx={{ mt: 1 }}>
        <Figure testId="fig-containment" label="Containment" value={fmtPct(ai.containmentRate)} />
        <Figure label="Clarifying questions" value={fmtPct(ai.clarifyingRate)} hint={`${fmtInt(ai.clarifying)} of ${fmtInt(ai.replies)} replies`} />
        <Figure label="Fallbacks" value={fmtPct(ai.fallbackRate)} hint={`${fmtInt(ai.fallbacks)} replies`} />
        <Figure label="Timeouts" value={fmtInt(ai.timeouts)} hint={`${fmtInt(ai.jobFailures)} failed jobs`} />
      </Stack>
      <Typography variant="caption" color="text.secondary" data-testid="containment-definition">
        Containment: {containmentDefinition(ai.idleResolveMinutes)}
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
  const rows = ai.byReason;
  return (
    <ChartCard title="Handoffs by reason" subtitle={`${fmtPct(ai.handoffRate)} of conversations went to a person`} testId="chart-handoff-reason" hasData={rows.length > 0}>
      <HBar labels={rows.map((r) => ESCALATION_REASON_LABELS[r.reason].chart)} values={rows.map((r) => r.count)} valueLabel={(i) => `${fmtInt(rows[i]!.count)} · ${fmtPct(rows[i]!.rate)}`} color="#5c6bc0" />
    </ChartCard>
  );
}

export function SpecialistCard({ ai }: { ai: Summary['ai'] }) {
  const rows = ai.bySpecialist;
  return (
    <ChartCard title="Handoffs by specialist" subtitle="Who answered last before the escalation · rate = share of its replies followed by a handoff" testId="chart-handoff-specialist" hasData={rows.length > 0}>
      <HBar
        labels={rows.map((r) => label(DOMAIN_LABEL, r.agent))}
        values={rows.map((r) => r.count)}
        valueLabel={(i) => (rows[i]!.agent === 'none' ? fmtInt(rows[i]!.count) : `${fmtInt(rows[i]!.count)} · ${fmtPct(rows[i]!.rate)}`)}
        color="#00897b"
      />
    </ChartCard>
  );
}

export function EscalationSentimentCard({ ai }: { ai: Summary['ai'] }) {
  const order = ['very_negative', 'negative', 'neutral', 'positive', 'unknown'];
  const rows = [...ai.escalationsBySentiment].sort((a, b) => order.indexOf(a.sentiment) - order.indexOf(b.sentiment));
  const labels = rows.map((r) => label(SENTIMENT_LABEL, r.sentiment));
  return (
    <ChartCard title="Escalations by sentiment" subtitle="Customer mood on the turn before the handoff" testId="chart-escalation-sentiment" hasData={rows.length > 0}>
      <HBar labels={labels} values={rows.map((r) => r.count)} colors={rows.map((r) => SENTIMENT_COLOR[r.sentiment] ?? '#90a4ae')} valueLabel={(i) => fmtInt(rows[i]!.count)} />
    </ChartCard>
  );
}
