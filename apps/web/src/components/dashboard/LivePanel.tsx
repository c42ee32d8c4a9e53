'use client';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { fmtDuration, fmtInt } from '../../lib/dashboard/format';
import type { Summary } from '../../lib/dashboard/types';
import { Figure } from './ChartCard';

/** Right now, independent of the date range; refreshed every 30 s. */
export function LivePanel({ live, refreshedAt }: { live: Summary['live']; refreshedAt?: Date }) {
  const longWait = (live.longestWaitMs ?? 0) > 5 * 60_000;
  return (
    <Card data-testid="live-panel" sx={{ bgcolor: 'primary.dark', color: 'primary.contrastText', borderColor: 'primary.dark' }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack direction={{ xs: 'column', md: 'row' }} alignItems={{ md: 'center' }} gap={{ xs: 1.5, md: 4 }} sx={{ '& .MuiTypography-caption': { color: 'rgba(255,255,255,0.75)' } }}>
          <Box sx={{ minWidth: 120 }}>
            <Stack direction="row" alignItems="center" gap={1}>
              <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: '#69f0ae', boxShadow: '0 0 0 3px rgba(105,240,174,0.3)' }} />
              <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
                Live
              </Typography>
            </Stack>
            <Typography variant="caption">{refreshedAt ? `updated ${refreshedAt.toLocaleTimeString('en-GB', { timeZone: 'UTC' })} UTC` : ''}</Typography>
          </Box>
          <Figure testId="live-waiting" label="Waiting customers" value={fmtInt(live.waiting)} />
          <Figure label="Longest wait" value={live.longestWaitMs === null ? '—' : fmtDuration(live.longestWaitMs)} color={longWait ? '#ffcc80' : undefined} />
          <Figure label="With an agent" value={fmtInt(live.withHuman)} />
          <Figure label="Active conversations" value={fmtInt(live.active)} hint="message in the last 15 min" />
          <Figure label="Agents online" value={fmtInt(live.agentsOnline)} />
          <Figure label="Queue depth" value={fmtInt(live.queueDepth)} hint="messages being processed" />
          <Figure
            label="AI latency p50 / p95"
            value={live.latencyN ? `${fmtDuration(live.latencyP50Ms)} / ${fmtDuration(live.latencyP95Ms)}` : '—'}
            hint={`${fmtInt(live.latencyN)} replies, last 15 min`}
          />
        </Stack>
      </CardContent>
    </Card>
  );
}
