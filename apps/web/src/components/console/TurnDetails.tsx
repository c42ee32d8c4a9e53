'use client';
import { useState } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TurnMessage } from '../../lib/console/types';
import { useConsoleI18n } from '../../lib/i18n/console';

const SENTIMENT_COLOR: Record<string, 'error' | 'warning' | 'default' | 'success'> = { very_negative: 'error', negative: 'warning', neutral: 'default', positive: 'success' };
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

/** One AI turn's trace: route (domain, confidence), sentiment, specialist, handoffs, KB sources, timings (ms). */
export function TurnDetails({ m }: { m: TurnMessage }) {
  const [open, setOpen] = useState(false);
  const { t } = useConsoleI18n();
  const d = m.details ?? {};
  const timings = Object.entries(d.timings ?? {});
  return (
    <Box sx={{ mt: 0.5 }} data-testid="turn-details">
      <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap justifyContent="flex-end" alignItems="center">
        {m.route && <Chip size="small" variant="outlined" label={`${m.route.domain} · ${Math.round(m.route.confidence * 100)}%`} title={t.routeTitle} />}
        {m.sentiment && <Chip size="small" variant="outlined" color={SENTIMENT_COLOR[m.sentiment.label] ?? 'default'} label={t.sentiments[m.sentiment.label] ?? m.sentiment.label.replace('_', ' ')} title={t.sentimentScore(m.sentiment.score)} />}
        {m.agent && <Chip size="small" variant="outlined" label={t.specialist(m.agent)} />}
        {d.handoffs?.map((h, i) => <Chip key={i} size="small" color="secondary" variant="outlined" label={`${h.from} → ${h.to}`} title={h.reason} />)}
        {d.totalMs !== undefined && <Chip size="small" variant="outlined" label={`${ms(d.totalMs)} ms`} />}
        <Link component="button" variant="caption" onClick={() => setOpen((o) => !o)} sx={{ ml: 0.5 }}>
          {open ? t.less : t.trace}
        </Link>
      </Stack>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ mt: 0.75, p: 1.25, bgcolor: '#fafafa', border: 1, borderColor: 'divider', borderRadius: 1.5, fontSize: 12 }}>
          {m.route?.intent && <Typography variant="caption" component="div">{t.intent(m.route.intent)}</Typography>}
          {(m.sources ?? []).length > 0 && <Typography variant="caption" component="div">{t.kbSources(m.sources!.join(', '))}</Typography>}
          {d.handoffs?.map((h, i) => (
            <Typography key={i} variant="caption" component="div">{t.handoff(h.from, h.to, h.reason)}</Typography>
          ))}
          {timings.length > 0 && (
            <Typography variant="caption" component="div">
              {t.timings(timings.map(([k, v]) => `${k} ${ms(v)} ms`).join(' · '))}
            </Typography>
          )}
          {d.entities && <Typography variant="caption" component="div" sx={{ wordBreak: 'break-all' }}>{t.entities(JSON.stringify(Object.fromEntries(Object.entries(d.entities).filter(([, v]) => (Array.isArray(v) ? v.length : v !== undefined)))))}</Typography>}
        </Box>
      </Collapse>
    </Box>
  );
}
