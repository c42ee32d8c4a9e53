'use client';
import { useEffect, useState } from 'react';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { SiteStateListResponse } from '@em/contracts/site';
import { api } from '../../lib/console/api';
import { useConsoleI18n } from '../../lib/i18n/console';
import { openStateLabel } from './SiteSettingsCard';
import { SITE_SETTINGS_TEXT } from './site-settings-text';

/** Business hours change on the minute at most; a minute's delay in the chip is fine. */
const REFRESH_MS = 60_000;

/**
 * The console's view of business hours (issue 20): whether each shop's people are in now. Outside
 * hours a customer's request becomes a ticket rather than waiting in the queue, so agents should know.
 */
export function SiteHoursChip({ gatewayUrl }: { gatewayUrl: string }) {
  const { locale } = useConsoleI18n();
  const t = SITE_SETTINGS_TEXT[locale];
  const [items, setItems] = useState<SiteStateListResponse['items']>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      api(gatewayUrl, '/api/sites/state', SiteStateListResponse)
        .then((r) => live && setItems(r.items))
        .catch(() => {});
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [gatewayUrl]);
  if (!items.length) return null;
  const lines = items.map((s) => t.chipLabel(s.title ?? s.siteKey, openStateLabel(s.state, t, locale)));
  const closed = items.filter((s) => !s.state.open);
  const label = items.length === 1 || closed.length === 1 ? lines[items.indexOf(closed[0] ?? items[0]!)]! : closed.length ? `${t.closedNow}: ${closed.length}/${items.length}` : t.openNow;
  return (
    <Tooltip title={lines.join(' · ')}>
      <Chip
        size="small"
        icon={<ScheduleIcon sx={{ color: 'inherit !important' }} />}
        data-testid="site-hours"
        data-closed={closed.length}
        label={label}
        aria-label={lines.join('; ')}
        sx={{ bgcolor: closed.length ? 'rgba(255,171,64,0.25)' : 'rgba(105,240,174,0.2)', color: 'white', maxWidth: { xs: 150, md: 220, xl: 360 } }}
      />
    </Tooltip>
  );
}
