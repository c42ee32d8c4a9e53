'use client';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { fmtDuration, fmtInt, fmtPct, fmtUsd } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';

function Kpi(props: { label: string; value: string; hint: string; testId: string }) {
  return (
    <Card data-testid={props.testId} sx={{ height: '100%' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.6, fontWeight: 600 }}>
          {props.label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700, my: 0.25 }} data-testid={`${props.testId}-value`}>
          {props.value}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {props.hint}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** Headline numbers for the selected range. */
export function KpiRow({ s }: { s: Summary }) {
  const cost = s.cost.reduce((a, c) => a + c.costUsd, 0);
  const kpis = [
    { label: 'Conversations', value: fmtInt(s.volume.conversations), hint: `${fmtInt(s.volume.messages)} messages`, testId: 'kpi-conversations' },
    { label: 'AI containment', value: fmtPct(s.ai.containmentRate), hint: `${fmtInt(s.ai.resolvedByAi)} resolved without a human`, testId: 'kpi-containment' },
    { label: 'Handoff rate', value: fmtPct(s.ai.handoffRate), hint: `${fmtInt(s.ai.escalated)} escalated to a person`, testId: 'kpi-handoff' },
    {
      label: 'CSAT',
      value: `${s.satisfaction.aiOnly.avg?.toFixed(2) ?? '—'} / ${s.satisfaction.human.avg?.toFixed(2) ?? '—'}`,
      hint: 'AI-only / human-handled, of 5',
      testId: 'kpi-csat',
    },
    { label: 'First response (p50)', value: fmtDuration(s.humans.overall.firstResponseP50Ms), hint: `p90 ${fmtDuration(s.humans.overall.firstResponseP90Ms)} · after escalation`, testId: 'kpi-frt' },
    { label: 'AI spend', value: fmtUsd(cost), hint: `${fmtInt(s.ai.replies)} AI replies`, testId: 'kpi-cost' },
  ];
  return (
    <Grid container spacing={2}>
      {kpis.map((k) => (
        <Grid key={k.testId} size={{ xs: 6, sm: 4, lg: 2 }}>
          <Kpi {...k} />
        </Grid>
      ))}
    </Grid>
  );
}
