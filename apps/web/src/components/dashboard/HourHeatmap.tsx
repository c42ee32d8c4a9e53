'use client';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useDashboardI18n } from '../../lib/i18n/dashboard';
import type { Summary } from '../../lib/dashboard/types';
import { ChartCard } from './ChartCard';

/** Weekday × hour (UTC) grid of conversations started; darker = busier. */
export function HourHeatmap({ cells }: { cells: Summary['volume']['busiestHours'] }) {
  const { t, f } = useDashboardI18n();
  const DAYS = f.weekdays;
  const grid = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const c of cells) grid[c.dow]![c.hour] = c.count;
  const max = Math.max(0, ...cells.map((c) => c.count));
  const peak = cells.reduce<(typeof cells)[number] | null>((a, c) => (!a || c.count > a.count ? c : a), null);
  return (
    <ChartCard
      title={t.busiestHours}
      subtitle={peak ? `${t.busiestHoursSubtitle} · ${t.peak(`${DAYS[peak.dow]} ${String(peak.hour).padStart(2, '0')}:00`)}` : t.busiestHoursSubtitle}
      testId="chart-heatmap"
      hasData={max > 0}
    >
      <Box sx={{ display: 'grid', gridTemplateColumns: '40px repeat(24, 1fr)', gap: '3px', alignItems: 'center', mt: 2 }}>
        {grid.map((row, d) => [
          <Typography key={`l${d}`} variant="caption" color="text.secondary">
            {DAYS[d]}
          </Typography>,
          ...row.map((n, h) => (
            <Tooltip key={`${d}-${h}`} title={t.cellConversations(`${DAYS[d]} ${String(h).padStart(2, '0')}:00`, f.int(n))} disableInteractive>
              <Box
                data-testid="heat-cell"
                sx={{
                  height: { xs: 14, lg: 30 },
                  borderRadius: '3px',
                  bgcolor: n === 0 ? 'action.hover' : `rgba(57, 73, 171, ${0.12 + 0.88 * (n / max)})`,
                }}
              />
            </Tooltip>
          )),
        ])}
        <Box />
        {Array.from({ length: 24 }, (_, h) => (
          <Typography key={`h${h}`} variant="caption" color="text.secondary" sx={{ textAlign: 'center', fontSize: 10 }}>
            {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
          </Typography>
        ))}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 0.75, mt: 1.5 }}>
        <Typography variant="caption" color="text.secondary">
          {t.fewer}
        </Typography>
        {[0.12, 0.34, 0.56, 0.78, 1].map((a) => (
          <Box key={a} sx={{ width: 14, height: 14, borderRadius: '3px', bgcolor: `rgba(57, 73, 171, ${a})` }} />
        ))}
        <Typography variant="caption" color="text.secondary">
          {t.moreBusiest(f.int(max))}
        </Typography>
      </Box>
    </ChartCard>
  );
}
