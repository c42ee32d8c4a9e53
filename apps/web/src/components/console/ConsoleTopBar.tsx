'use client';
import AppBar from '@mui/material/AppBar';
import Avatar from '@mui/material/Avatar';
import AvatarGroup from '@mui/material/AvatarGroup';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Toolbar from '@mui/material/Toolbar';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import HeadsetMicIcon from '@mui/icons-material/HeadsetMic';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { LogoutResponse } from '@em/contracts/rest';
import { api } from '../../lib/console/api';
import { initials } from '../../lib/console/labels';
import { useConsoleI18n } from '../../lib/i18n/console';
import { LanguageMenu } from '../i18n/LanguageMenu';
import type { ConsoleData } from './useConsoleData';
import { SiteHoursChip } from './SiteHoursChip';

export function ConsoleTopBar({ data, gatewayUrl }: { data: ConsoleData; gatewayUrl: string }) {
  const { me, presence, setPresence, connected, agents, queue } = data;
  const { t } = useConsoleI18n();
  const logout = async () => {
    await api(gatewayUrl, '/api/auth/logout', LogoutResponse, { method: 'POST' }).catch(() => {});
    window.location.assign('/login');
  };
  return (
    <AppBar position="static" elevation={0} sx={{ bgcolor: '#1a237e' }}>
      <Toolbar variant="dense" sx={{ gap: 2, flexWrap: 'wrap', rowGap: 0.5 }}>
        <HeadsetMicIcon />
        <Typography variant="h6" sx={{ fontSize: 17 }}>
          ElectroMart <Box component="span" sx={{ fontWeight: 400, opacity: 0.8 }}>{t.brand}</Box>
        </Typography>
        <Chip
          size="small"
          data-testid="console-connection"
          data-connected={connected}
          label={connected ? t.live : t.reconnecting}
          sx={{ bgcolor: connected ? 'rgba(105,240,174,0.2)' : 'rgba(255,171,64,0.25)', color: 'white' }}
        />
        <Chip size="small" label={t.waitingCount(queue.length)} sx={{ bgcolor: 'rgba(255,255,255,0.12)', color: 'white' }} />
        <SiteHoursChip gatewayUrl={gatewayUrl} />
        <Box sx={{ flex: 1 }} />
        <Tooltip title={agents.map((a) => `${a.name} (${t.presence[a.status] ?? a.status})`).join(', ') || t.nobodyOnline}>
          <AvatarGroup max={5} sx={{ '& .MuiAvatar-root': { width: 28, height: 28, fontSize: 12, borderColor: '#1a237e' } }}>
            {agents.map((a) => (
              <Badge key={a.userId} overlap="circular" variant="dot" color={a.status === 'online' ? 'success' : 'warning'} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
                <Avatar sx={{ width: 28, height: 28, fontSize: 12, bgcolor: '#5c6bc0' }}>{initials(a.name)}</Avatar>
              </Badge>
            ))}
          </AvatarGroup>
        </Tooltip>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={presence}
          onChange={(_e, v: 'online' | 'away' | null) => v && setPresence(v)}
          sx={{ '& .MuiToggleButton-root': { color: 'rgba(255,255,255,0.7)', borderColor: 'rgba(255,255,255,0.3)', py: 0.25 }, '& .Mui-selected': { color: 'white !important', bgcolor: 'rgba(255,255,255,0.18) !important' } }}
        >
          <ToggleButton value="online">{t.online}</ToggleButton>
          <ToggleButton value="away">{t.away}</ToggleButton>
        </ToggleButtonGroup>
        {/* Every console user may open the dashboard; its per-agent figures show an agent their own row only. */}
        {me && (
          <Tooltip describeChild title={me.role === 'admin' ? t.dashboardAdminHint : t.dashboardAgentHint}>
            <Button color="inherit" size="small" href="/dashboard" startIcon={<InsightsOutlinedIcon />}>
              {t.dashboard}
            </Button>
          </Tooltip>
        )}
        {me?.role === 'admin' && (
          <Button color="inherit" size="small" href="/console/admin">
            {t.admin}
          </Button>
        )}
        {me && (
          <Typography variant="body2" sx={{ opacity: 0.9 }} data-testid="console-me">
            {me.name}
          </Typography>
        )}
        <LanguageMenu label={t.language} />
        <Button color="inherit" size="small" onClick={() => void logout()}>
          {t.signOut}
        </Button>
      </Toolbar>
    </AppBar>
  );
}
