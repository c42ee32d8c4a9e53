'use client';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';

/** A headline figure; `info` is its definition, in a tooltip on the (i) beside the label. */
function Kpi(props: { label: string; value: string; hint: string; testId: string; info?: string }) {
  const { t } = useDashboardI18n();
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
                aria-label={t.howCounted(props.label, props.info)}
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
  const { t, f } = useDashboardI18n();
  const cost = s.cost.reduce((a, c) => a + c.costUsd, 0);
  const avg = (v: number | null) => (v === null ? '—' : f.dec2(v));
  const kpis = [
    {
      label: t.kpiConversations,
      value: f.int(s.volume.conversations),
      hint: t.kpiMessages(f.int(s.volume.messages)),
      testId: 'kpi-conversations',
      info: t.countedConversation,
    },
    {
      label: t.kpiContainment,
      value: f.pct(s.ai.containmentRate),
      hint: t.kpiContainmentHint(f.int(s.ai.resolvedByAi), f.int(s.ai.conversations)),
      testId: 'kpi-containment',
      info: t.containmentDefinition(s.ai.idleResolveMinutes),
    },
    { label: t.kpiHandoff, value: f.pct(s.ai.handoffRate), hint: t.kpiHandoffHint(f.int(s.ai.escalated)), testId: 'kpi-handoff' },
    {
      label: t.kpiCsat,
      value: `${avg(s.satisfaction.aiOnly.avg)} / ${avg(s.satisfaction.human.avg)}`,
      hint: t.kpiCsatHint,
      testId: 'kpi-csat',
    },
    { label: t.kpiFrt, value: f.duration(s.humans.overall.firstResponseP50Ms), hint: t.kpiFrtHint(f.duration(s.humans.overall.firstResponseP90Ms)), testId: 'kpi-frt' },
    { label: t.kpiSpend, value: f.usd(cost), hint: t.kpiSpendHint(f.int(s.ai.replies)), testId: 'kpi-cost' },
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
