'use client';
import ScheduleIcon from '@mui/icons-material/Schedule';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { SiteOpenState } from '@em/contracts/site';
import { useI18n } from '../../lib/i18n';

const WEEK_MS = 6 * 86_400_000;
/** Timers longer than this overflow setTimeout (about 24.8 days); the next opening is at most 14 days out. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * "Mon 9:00 AM" / "Mo., 09:00" in the customer's language and their own time zone (the browser's), with
 * the date when it is more than six days away.
 */
export function formatBackAt(iso: string, locale: string, now = Date.now()): string {
  const at = new Date(iso);
  const far = at.getTime() - now > WEEK_MS;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: 'numeric', minute: '2-digit', ...(far ? { day: 'numeric', month: 'short' } : {}) }).format(at);
}

/**
 * Whether the shop is outside its business hours (session:ready's `hours`), and when people are back,
 * formatted. Stops saying "closed" by itself when that time comes, without a reconnect.
 */
export function useSiteClosed(hours: SiteOpenState | undefined, locale: string): { closed: boolean; when?: string } {
  const [reopened, setReopened] = useState(false);
  const next = hours && !hours.open ? hours.nextOpenAt : undefined;
  useEffect(() => {
    setReopened(false);
    if (!next) return;
    const wait = Date.parse(next) - Date.now();
    if (wait <= 0) return setReopened(true);
    const timer = setTimeout(() => setReopened(true), Math.min(wait, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [next]);
  if (!hours || hours.open || reopened) return { closed: false };
  return { closed: true, ...(next ? { when: formatBackAt(next, locale) } : {}) };
}

/** The line under the header while the shop is closed: when people are back, and that the AI answers now. */
export function HoursNotice({ closed, when }: { closed: boolean; when?: string }) {
  const { t } = useI18n();
  if (!closed) return null;
  return (
    <Box
      role="status"
      id="hours-notice"
      data-testid="hours-notice"
      sx={(theme) => ({
        display: 'flex',
        alignItems: 'center',
        gap: 0.75,
        px: 1.5,
        py: 0.75,
        bgcolor: theme.palette.mode === 'dark' ? 'rgba(255,255,255,.06)' : 'rgba(0,0,0,.04)',
        borderBottom: 1,
        borderColor: 'divider',
      })}
    >
      <ScheduleIcon fontSize="small" color="action" aria-hidden />
      <Typography variant="caption" color="text.secondary">
        {when ? t.hoursBack(when) : t.hoursAway}
      </Typography>
    </Box>
  );
}
