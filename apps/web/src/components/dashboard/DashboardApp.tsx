'use client';
import { useCallback, useState } from 'react';
import { useRouter } from 'next/navigation';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { LOGIN_PATH } from '../../lib/dashboard/paths';
import { lastDays, rangeQuery, type DayRange } from '../../lib/dashboard/range';
import { useDashboardData } from '../../lib/dashboard/useDashboardData';
import { LanguagesCard } from './LanguagesCard';
import { CommentsCard } from './CommentsCard';
import { CostPanel } from './CostPanel';
import { ExportMenu } from './ExportMenu';
import { HourHeatmap } from './HourHeatmap';
import { HumansTable } from './HumansTable';
import { KpiRow } from './KpiRow';
import { LivePanel } from './LivePanel';
import { ContainmentCard, EscalationSentimentCard, HandoffReasonCard, SpecialistCard } from './OutcomeCharts';
import { RangePicker } from './RangePicker';
import { RoutingChart } from './RoutingChart';
import { CsatCard, SentimentTrendCard } from './SatisfactionCharts';
import { VolumeChart } from './VolumeChart';

/** /dashboard: the support manager's view of volume, AI outcome, routing, people, CSAT, live state and cost. */
export function DashboardApp({ gatewayUrl }: { gatewayUrl: string }) {
  const router = useRouter();
  const [range, setRange] = useState<DayRange>(() => lastDays(30));
  const onUnauthorized = useCallback(() => router.replace(LOGIN_PATH), [router]);
  const state = useDashboardData(gatewayUrl, range, onUnauthorized);
  const data = state.data;
  const { t } = useDashboardI18n();

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="sticky" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ fontWeight: 700 }}>
            ElectroMart <Box component="span" sx={{ color: 'text.secondary', fontWeight: 500 }}>{t.pageTitle}</Box>
          </Typography>
          <Box sx={{ flex: 1 }} />
          <LanguageMenu label={t.language} color="primary" />
          <Button href="/console" size="small">
            {t.console}
          </Button>
        </Toolbar>
        {state.kind === 'loading' && <LinearProgress sx={{ position: 'absolute', bottom: 0, left: 0, right: 0, height: 2 }} />}
      </AppBar>
      <Container maxWidth="xl" sx={{ py: 3 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} alignItems={{ md: 'center' }} justifyContent="space-between" gap={2} sx={{ mb: 2 }}>
          <RangePicker value={range} onChange={setRange} />
          <ExportMenu gatewayUrl={gatewayUrl} query={rangeQuery(range)} />
        </Stack>
        {state.kind === 'error' && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {state.message === 'unreachable' ? t.unreachable : t.failed(state.message)}
          </Alert>
        )}
        {!data ? (
          <Box sx={{ py: 12, textAlign: 'center', color: 'text.secondary' }}>{t.loading}</Box>
        ) : (
          <Stack gap={2} data-testid="dashboard" data-loaded={state.kind === 'ready' ? 'true' : 'false'}>
            <LivePanel live={data.summary.live} refreshedAt={state.kind === 'ready' ? state.refreshedAt : undefined} />
            <KpiRow s={data.summary} />
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, lg: 8 }}>
                <VolumeChart conversations={data.conversations} messages={data.messages} />
              </Grid>
              <Grid size={{ xs: 12, lg: 4 }}>
                <HourHeatmap cells={data.summary.volume.busiestHours} />
              </Grid>
              <Grid size={{ xs: 12, md: 6, lg: 4 }}>
                <ContainmentCard ai={data.summary.ai} />
              </Grid>
              <Grid size={{ xs: 12, md: 6, lg: 4 }}>
                <HandoffReasonCard ai={data.summary.ai} />
              </Grid>
              <Grid size={{ xs: 12, md: 6, lg: 4 }}>
                <SpecialistCard ai={data.summary.ai} />
              </Grid>
              <Grid size={{ xs: 12, md: 6, lg: 4 }}>
                <EscalationSentimentCard ai={data.summary.ai} />
              </Grid>
              <Grid size={{ xs: 12, lg: 8 }}>
                <RoutingChart routing={data.summary.routing} />
              </Grid>
              <Grid size={{ xs: 12, lg: 7 }}>
                <HumansTable humans={data.summary.humans} />
              </Grid>
              <Grid size={{ xs: 12, lg: 5 }}>
                <CsatCard csat={data.summary.satisfaction} />
              </Grid>
              <Grid size={{ xs: 12, lg: 7 }}>
                <SentimentTrendCard sentiment={data.sentiment} />
              </Grid>
              <Grid size={{ xs: 12, lg: 5 }}>
                <CostPanel cost={data.summary.cost} series={data.cost} />
              </Grid>
              <Grid size={{ xs: 12, md: 6, lg: 4 }}>
                <LanguagesCard languages={data.summary.volume.byLanguage} />
              </Grid>
              <Grid size={{ xs: 12, lg: 8 }}>
                <CommentsCard comments={data.comments} />
              </Grid>
            </Grid>
            <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
              {t.footer}
            </Typography>
          </Stack>
        )}
      </Container>
    </Box>
  );
}
