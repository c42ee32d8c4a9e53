'use client';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';
import { Figure } from './ChartCard';

/** Right now, independent of the date range; refreshed every 30 s. */
export function LivePanel({ live, refreshedAt }: { live: Summary['live']; refreshedAt?: Date }) {
  const { t, f } = useDashboardI18n();
  const longWait = (live.longestWaitMs ?? 0) > 5 * 60_000;
  return (
    <Card data-testid="live-panel" sx={{ bgcolor: 'primary.dark', color: 'primary.contrastText', borderColor: 'primary.dark' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack direction={{ xs: 'column', md: 'row' }} alignItems={{ md: 'center' }} gap={{ xs: 1.5, md: 3 }} sx={{ '& .MuiTypography-caption': { color: 'rgba(255,255,255,0.75)' } }}>
          <Box sx={{ minWidth: 120 }}>
            <Stack direction="row" alignItems="center" gap={1}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: '#69f0ae', boxShadow: '0 0 0 3px rgba(105,240,174,0.3)' }} />
              <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
                {t.live}
              </Typography>
            </Stack>
            <Typography variant="caption">{refreshedAt ? t.updatedAt(f.utcTime(refreshedAt)) : ''}</Typography>
          </Box>
          <Figure testId="live-waiting" label={t.waitingCustomers} value={f.int(live.waiting)} />
          <Figure label={t.longestWait} value={live.longestWaitMs === null ? '—' : f.duration(live.longestWaitMs)} color={longWait ? '#ffcc80' : undefined} />
          <Figure label={t.withAgent} value={f.int(live.withHuman)} />
          <Figure label={t.activeConversations} value={f.int(live.active)} hint={t.activeHint} />
          <Figure label={t.agentsOnline} value={f.int(live.agentsOnline)} />
          <Figure label={t.queueDepth} value={f.int(live.queueDepth)} hint={t.queueDepthHint} />
          <Figure
            label={t.aiLatency}
            value={live.latencyN ? `${f.duration(live.latencyP50Ms)} / ${f.duration(live.latencyP95Ms)}` : '—'}
            hint={t.aiLatencyHint(f.int(live.latencyN))}
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
