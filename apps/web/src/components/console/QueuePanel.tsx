'use client';
import { useEffect, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { emptyText } from '../../lib/console/queue-text';
import { reasonColor, since, STATUS_COLOR } from '../../lib/console/labels';
import { useConsoleI18n } from '../../lib/i18n/console';
import type { ConsoleData, Tab as TabName } from './useConsoleData';

interface Row {
  id: string;
  name: string;
  reason: string | null;
  status: string;
  at: string | null;
  text: string | null;
  priority?: number;
  sentiment?: string;
  owner?: string | null;
  /** Opened because nobody was online; the AI answers until someone claims it. */
  ticket?: string;
  /** The customer's rating, when the viewer may see it (agents: their own; admins: all). */
  csat?: number | null;
}

/** Left column: the live queue (priority, then waiting time) and the other status views, with search. */
export function QueuePanel({ data }: { data: ConsoleData }) {
  const { tab, setTab, q, setQ, queue, list, selectedId, select } = data;
  const [now, setNow] = useState(() => Date.now());
  const { t, reason, status } = useConsoleI18n();
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  const needle = q.trim().toLowerCase();
  const rows: Row[] =
    tab === 'waiting'
      ? queue
          .filter((i) => !needle || [i.customerName, i.customerEmail, i.lastMessage].some((s) => s?.toLowerCase().includes(needle)))
          .map((i) => ({ id: i.conversationId, name: i.customerName ?? t.guest, reason: i.reason, status: i.status ?? 'waiting_human', at: i.waitingSince, text: i.lastMessage ?? i.detail ?? null, priority: i.priority, sentiment: i.sentiment, ticket: i.ticketNumber }))
      : list.map((i) => ({ id: i.id, name: i.customerName ?? t.guest, reason: i.escalationReason, status: i.status, at: i.lastMessageAt, text: i.lastMessage, owner: i.assignedAgentName, csat: i.csatScore }));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Tabs value={tab} onChange={(_e, v: TabName) => setTab(v)} variant="fullWidth" sx={{ minHeight: 44, '& .MuiTab-root': { minHeight: 44, minWidth: 0, px: 0.5 } }}>
        {/* A little wider than the others, so the count's badge is not cut off ("Wartend" is longer than "Queue"). */}
        <Tab value="waiting" sx={{ flexGrow: 1.25 }} label={<Badge color="error" badgeContent={queue.length} sx={{ '& .MuiBadge-badge': { right: -7 } }}>{t.tabQueue}</Badge>} />
        <Tab value="mine" label={t.tabMine} />
        <Tab value="open" label={t.tabOpen} />
        <Tab value="resolved" label={t.tabResolved} />
      </Tabs>
      <Box sx={{ p: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <TextField
          size="small"
          fullWidth
          placeholder={t.searchPlaceholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          slotProps={{ htmlInput: { 'aria-label': t.searchLabel }, input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
        />
      </Box>
      <List dense disablePadding sx={{ flex: 1, overflow: 'auto' }} aria-label={t.conversations} data-testid="queue">
        {rows.length === 0 && (
          <Box sx={{ p: 3, textAlign: 'center' }} data-testid="queue-empty">
            <Typography variant="body2" color="text.secondary">
              {emptyText(tab, q.trim(), queue.length, t)}
            </Typography>
            {needle && (
              <Button size="small" onClick={() => setQ('')} sx={{ mt: 1 }}>
                {t.clearSearch}
              </Button>
            )}
          </Box>
        )}
        {rows.map((r) => (
          <ListItemButton
            key={r.id}
            selected={r.id === selectedId}
            onClick={() => select(r.id)}
            data-testid={tab === 'waiting' ? 'queue-item' : 'conversation-item'}
            data-conversation-id={r.id}
            sx={{ display: 'block', py: 1.25, px: 2, borderBottom: 1, borderColor: 'divider', borderLeft: 4, borderLeftColor: r.reason && tab === 'waiting' ? `${reasonColor(r.reason) === 'error' ? 'error' : reasonColor(r.reason) === 'warning' ? 'warning' : 'info'}.main` : 'transparent' }}
          >
            <Stack direction="row" alignItems="center" spacing={1}>
              <Typography variant="subtitle2" noWrap sx={{ flex: 1 }}>
                {r.name}
              </Typography>
              <Typography variant="caption" color={tab === 'waiting' ? 'error.main' : 'text.secondary'} fontWeight={tab === 'waiting' ? 600 : 400}>
                {since(r.at, now)}
              </Typography>
            </Stack>
            <Typography variant="body2" color="text.secondary" noWrap sx={{ my: 0.5 }}>
              {r.text ?? '—'}
            </Typography>
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
              {r.reason && <Chip size="small" data-testid="queue-reason" label={reason(r.reason, 'queue')} color={reasonColor(r.reason)} variant="outlined" />}
              {(tab !== 'waiting' || r.status !== 'waiting_human') && <Chip size="small" label={status(r.status)} color={STATUS_COLOR[r.status] ?? 'default'} />}
              {r.ticket && <Chip size="small" data-testid="queue-ticket" label={t.ticket(r.ticket)} color="secondary" variant="outlined" />}
              {r.sentiment && r.sentiment !== 'neutral' && <Chip size="small" label={t.sentiments[r.sentiment] ?? r.sentiment.replace('_', ' ')} variant="outlined" />}
              {r.priority !== undefined && <Chip size="small" label={`P${r.priority}`} variant="outlined" />}
              {r.owner && <Chip size="small" label={r.owner} variant="outlined" />}
              {r.csat != null && <Chip size="small" data-testid="conversation-rating" label={t.rated(r.csat)} color={r.csat >= 4 ? 'success' : r.csat <= 2 ? 'error' : 'default'} variant="outlined" />}
            </Stack>
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
