'use client';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { COUNTED_CONVERSATION, containmentDefinition } from '../../lib/dashboard/definitions';
import { fmtDuration, fmtInt, fmtPct, fmtUsd } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';

/** A headline figure; `info` is its definition, in a tooltip on the (i) beside the label. */
function Kpi(props: { label: string; value: string; hint: string; testId: string; info?: string }) {
  return (
    <Card data-testid={props.testId} sx={{ height: '100%' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack direction="row" alignItems="center" gap={0.5}>
          <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'uppercase', letterSpacing: 0.6, fontWeight: 600 }}>
            {props.label}
          </Typography>
          {props.info && (
            <Tooltip title={props.info} arrow>
              <InfoOutlined
                tabIndex={0}
                role="img"
                aria-label={`How ${props.label} is counted: ${props.info}`}
                data-testid={`${props.testId}-info`}
                sx={{ fontSize: 15, color: 'text.secondary', cursor: 'help' }}
              />
            </Tooltip>
          )}
        </Stack>
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
    {
      label: 'Conversations',
      value: fmtInt(s.volume.conversations),
      hint: `${fmtInt(s.volume.messages)} messages`,
      testId: 'kpi-conversations',
      info: COUNTED_CONVERSATION,
    },
    {
      label: 'AI containment',
      value: fmtPct(s.ai.containmentRate),
      hint: `${fmtInt(s.ai.resolvedByAi)} of ${fmtInt(s.ai.conversations)} resolved by the AI alone`,
      testId: 'kpi-containment',
      info: containmentDefinition(s.ai.idleResolveMinutes),
    },
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
